package org.huhang.reporting;

import java.math.BigDecimal;

/**
 * A rate with what it counts: {@code numerator} of {@code denominator} (named by {@code
 * denominatorLabel}), as a percentage with two decimals, half-up; {@code percent} is null when the
 * denominator is 0 (nothing to divide: no rate, rather than a made-up 0.00).
 */
public record Ratio(
    long numerator, long denominator, String denominatorLabel, BigDecimal percent) {}
