package org.huhang.volunteer;

import java.time.LocalDate;

/**
 * A volunteer's certificate that has run out or runs out soon: the latest one of its type (a
 * renewed certificate of the same type is not listed).
 */
public record ExpiringCertificate(
    VolunteerId volunteerId, String volunteerName, String type, LocalDate expiresOn) {

  public boolean expiredOn(LocalDate day) {
    return expiresOn.isBefore(day);
  }
}
