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

  /** The number proved in this request's session, while it lasts. */
  public static java.util.Optional<FamilyPhone> of(
      jakarta.servlet.http.HttpServletRequest request, Instant now) {
    jakarta.servlet.http.HttpSession session = request.getSession(false);
    if (session != null
        && session.getAttribute(SESSION_ATTRIBUTE) instanceof FamilyPhone p
        && p.validAt(now)) {
      return java.util.Optional.of(p);
    }
    return java.util.Optional.empty();
  }

  @Override
  public String toString() {
    return "FamilyPhone[***]";
  }
}
