package org.huhang.volunteer;

import java.time.LocalDate;
import java.util.UUID;
import org.huhang.shared.person.Gender;

/** A row of the volunteer list; identity number and phone only masked. */
public record VolunteerSummary(
    VolunteerId id,
    String name,
    Gender gender,
    String idNumberMasked,
    String phoneMasked,
    Background background,
    UUID centerId,
    String centerName,
    VolunteerStatus status,
    LocalDate joinedOn) {

  /** The same volunteer with its home center named (a list names its page's centers at once). */
  public VolunteerSummary withCenterName(String name) {
    return new VolunteerSummary(
        id,
        this.name,
        gender,
        idNumberMasked,
        phoneMasked,
        background,
        centerId,
        name,
        status,
        joinedOn);
  }
}
