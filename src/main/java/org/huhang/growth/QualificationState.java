package org.huhang.growth;

import java.time.LocalDate;

/** Where a certificate stands on a day: run out, running out within the warning window, valid. */
public enum QualificationState {
  EXPIRED,
  EXPIRING,
  VALID,
  NO_EXPIRY;

  /** Certificates running out within these many days are warned about. */
  public static final int WARNING_DAYS = 90;

  public static QualificationState of(LocalDate expiresOn, LocalDate today) {
    if (expiresOn == null) {
      return NO_EXPIRY;
    }
    if (expiresOn.isBefore(today)) {
      return EXPIRED;
    }
    return expiresOn.isAfter(today.plusDays(WARNING_DAYS)) ? VALID : EXPIRING;
  }

  public boolean warns() {
    return this == EXPIRED || this == EXPIRING;
  }
}
