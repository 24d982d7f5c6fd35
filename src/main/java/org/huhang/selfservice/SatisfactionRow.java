package org.huhang.selfservice;

/**
 * One line of the survey figures: a county (its centers follow it) or a center. {@code invited}:
 * surveys sent in the period, {@code answered}: of them, answered; {@code satisfaction}: the mean
 * of the answered surveys' scores (1–5), null when fewer than {@link #MIN_ANSWERS} answered, so no
 * one's answer can be read off a figure.
 */
public record SatisfactionRow(
    String key, String name, boolean county, long invited, long answered, Double satisfaction) {

  /** Fewer answers than this and the mean is not shown. */
  public static final int MIN_ANSWERS = 3;

  /** Answered of invited, in percent with two decimals; null with no invitation. */
  public Double responseRate() {
    return invited == 0 ? null : Math.round(answered * 10000.0 / invited) / 100.0;
  }
}
