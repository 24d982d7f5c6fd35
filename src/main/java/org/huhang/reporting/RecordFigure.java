package org.huhang.reporting;

import java.util.Arrays;
import java.util.Optional;

/**
 * A headline figure whose records can be listed (/stats/records): each counts applications, so the
 * applications behind it can be named by the same rows and rules that count them.
 */
public enum RecordFigure {
  APPLICATIONS("applications"),
  COUNSELED("counseled"),
  RECONCILED("reconciled"),
  HIGH_RISK("highRisk");

  private final String key;

  RecordFigure(String key) {
    this.key = key;
  }

  /** Its name in URLs and card ids, as the figures API names it. */
  public String key() {
    return key;
  }

  public static Optional<RecordFigure> of(String key) {
    String asked = key == null ? "" : key.strip();
    return Arrays.stream(values()).filter(f -> f.key.equals(asked)).findFirst();
  }
}
