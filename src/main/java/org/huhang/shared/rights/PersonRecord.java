package org.huhang.shared.rights;

import java.time.LocalDate;

/**
 * One record about a person: its module's kind ({@code rights.kind.<kind>} in the bundles), its id,
 * its region (for the caller's scope), its day, a line that says what it is (no other person's
 * name), and the staff page that shows it.
 */
public record PersonRecord(
    String kind, String id, String regionPath, LocalDate on, String summary, String link) {

  /** A field of a copy: its label (Chinese, as printed) and its value. */
  public record Field(String label, String value) {}

  @Override
  public String toString() {
    return "PersonRecord[" + kind + ", " + id + "]";
  }
}
