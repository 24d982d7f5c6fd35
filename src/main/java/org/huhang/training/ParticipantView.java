package org.huhang.training;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.huhang.volunteer.VolunteerId;

/**
 * A participant of a course: the volunteer, its group (region), where it stands, its place on the
 * waiting list (0 when not waiting), the modules it attended and their hours.
 */
public record ParticipantView(
    UUID id,
    VolunteerId volunteerId,
    String name,
    String regionPath,
    String groupName,
    ParticipantStatus status,
    int waitingPosition,
    Set<UUID> attended,
    BigDecimal attendedHours,
    LocalDate completedOn) {

  /**
   * Whether anyone attended the module: such a module keeps its record, so the course page offers
   * no delete button for it (the server refuses the delete anyway).
   */
  public static boolean anyAttended(List<ParticipantView> participants, UUID moduleId) {
    return participants.stream().anyMatch(p -> p.attended().contains(moduleId));
  }
}
