package org.huhang.volunteer;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * An active volunteer with a counselor account, as casework sees it when it proposes a team: what
 * it knows, when it can serve, where, and whether a certificate it holds has run out (such a
 * volunteer is shown, never proposed). No identity number or phone.
 */
public record CounselorCandidate(
    VolunteerId id,
    UUID userId,
    String name,
    Background background,
    List<String> specialities,
    Set<HalfDay> availability,
    UUID centerId,
    String centerName,
    String regionPath,
    boolean qualificationExpired) {

  public CounselorCandidate {
    specialities = List.copyOf(specialities);
    availability = Set.copyOf(availability);
  }
}
