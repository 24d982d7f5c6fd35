package org.huhang.audit;

import java.time.LocalDate;

/** Filters of the audit search page; every field is optional. */
public record AuditSearch(
    String username, String action, String entityType, LocalDate from, LocalDate to, Integer page) {

  public AuditSearch {
    username = blankToNull(username);
    action = blankToNull(action);
    entityType = blankToNull(entityType);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** Whether any filter is set, so that an empty list can say "none yet" rather than "no match". */
  public boolean filtered() {
    return username != null || action != null || entityType != null || from != null || to != null;
  }
}
