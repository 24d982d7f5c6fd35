package org.huhang.selfservice.internal;

import java.io.Serializable;
import java.time.Instant;

/**
 * The mobile number a person proved with a one-time code, kept in its browser session: the person's
 * bookings are those booked under it. Lasts two hours from the code.
 */
public record FamilyPhone(String phone, Instant verifiedAt) implements Serializable {

  public static final String SESSION_ATTRIBUTE = "selfservice.phone";
  static final java.time.Duration LIFETIME = java.time.Duration.ofHours(2);

  public boolean validAt(Instant now) {
    return now.isBefore(verifiedAt.plus(LIFETIME));
  }

  @Override
  public String toString() {
    return "FamilyPhone[***]";
  }
}
