package org.huhang.notification.internal;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import org.huhang.shared.LegalTime;

/** No text message between 21:00 and 08:00 China time: one held then goes at 08:00. */
public final class QuietHours {

  static final LocalTime START = LocalTime.of(21, 0);
  static final LocalTime END = LocalTime.of(8, 0);

  private QuietHours() {}

  /** The first moment from {@code now} on at which a text message may go. */
  public static Instant earliestSms(Instant now) {
    ZonedDateTime china = now.atZone(LegalTime.ZONE);
    LocalTime time = china.toLocalTime();
    if (time.isBefore(END)) {
      return china.toLocalDate().atTime(END).atZone(LegalTime.ZONE).toInstant();
    }
    if (!time.isBefore(START)) {
      return china.toLocalDate().plusDays(1).atTime(END).atZone(LegalTime.ZONE).toInstant();
    }
    return now;
  }

  public static boolean quiet(Instant now) {
    return !earliestSms(now).equals(now);
  }
}
