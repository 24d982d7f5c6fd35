package org.huhang.training;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.huhang.volunteer.VolunteerId;

/**
 * A participant of a course: the volunteer, or the staff member ({@code volunteerId} null, {@code
 * userId} and {@code staffRole} set), its group (region), where it stands, its place on the waiting
 * list (0 when not waiting), the modules it attended and their hours.
 */
public record ParticipantView(
    UUID id,
    VolunteerId volunteerId,
    UUID userId,
    org.huhang.shared.Role staffRole,
    String name,
    String regionPath,
    String groupName,
    ParticipantStatus status,
    int waitingPosition,
    Set<UUID> attended,
    BigDecimal attendedHours,
    LocalDate completedOn) {

  /** A staff member rather than a volunteer: no hours record, a certificate all the same. */
  public boolean staff() {
    return volunteerId == null;
  }

  /**
   * Whether anyone attended the module: such a module keeps its record, so the course page offers
   * no delete button for it (the server refuses the delete anyway).
   */
  public static boolean anyAttended(List<ParticipantView> participants, UUID moduleId) {
    return participants.stream().anyMatch(p -> p.attended().contains(moduleId));
  }
}
