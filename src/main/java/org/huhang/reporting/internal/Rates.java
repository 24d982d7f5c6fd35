package org.huhang.reporting.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Rates as the source publishes them (SPEC §4): a percentage with two decimals, half-up, computed
 * exactly (28978 / 43946 → 65.94). A zero denominator has no rate: null, shown as "—", never 0.00
 * or a division error.
 */
public final class Rates {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private Rates() {}

  public static BigDecimal percent(long numerator, long denominator) {
    if (numerator < 0 || denominator < 0) {
      throw new IllegalArgumentException("counts are never negative");
    }
    if (denominator == 0) {
      return null;
    }
    return BigDecimal.valueOf(numerator)
        .multiply(HUNDRED)
        .divide(BigDecimal.valueOf(denominator), 2, RoundingMode.HALF_UP);
  }
}
