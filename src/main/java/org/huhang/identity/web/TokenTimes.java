package org.huhang.identity.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.huhang.shared.LegalTime;

/** Times of the token pages, as people in Binzhou read them (Asia/Shanghai, to the minute). */
public final class TokenTimes {

  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(LegalTime.ZONE);

  private TokenTimes() {}

  public static String at(Instant instant) {
    return instant == null ? "" : MINUTE.format(instant);
  }
}
