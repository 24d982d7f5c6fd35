package org.huhang.shared.rights;

import java.time.LocalDate;
import java.util.List;

/**
 * One record about a person: its module's kind ({@code rights.kind.<kind>} in the bundles), its id,
 * its region (for the caller's scope), its day, what it is ({@link #summaryParts}; no other
 * person's name), the staff page that shows it, the details of the person it lets be corrected
 * here, and whether it may be erased now.
 */
public record PersonRecord(
    String kind,
    String id,
    String regionPath,
    LocalDate on,
    String summary,
    String link,
    List<PersonField> correctable,
    Erasure erasure) {

  public PersonRecord {
    correctable = List.copyOf(correctable);
  }

  /**
   * The summary's parts, written with a slash between them: each a message key of the module's
   * bundle (it holds a dot: {@code case.status.CLOSED}) shown in the reader's language, or a
   * literal (a booking's reference).
   */
  public List<String> summaryParts() {
    return summary == null ? List.of() : List.of(summary.split("/"));
  }

  /** A field of a copy: its label (Chinese, as printed) and its value. */
  public record Field(String label, String value) {}

  @Override
  public String toString() {
    return "PersonRecord[" + kind + ", " + id + "]";
  }
}
