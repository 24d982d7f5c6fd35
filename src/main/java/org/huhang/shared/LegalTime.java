package org.huhang.shared;

import java.time.ZoneId;

/** Legal dates in Huhang are dates in China Standard Time, whatever the server's zone. */
public final class LegalTime {

  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private LegalTime() {}
}
