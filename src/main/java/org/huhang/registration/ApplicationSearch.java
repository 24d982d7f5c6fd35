package org.huhang.registration;

import java.time.LocalDate;

/** Filters of the application list; all optional. */
public record ApplicationSearch(
    Outcome outcome,
    Boolean counselingAccepted,
    LocalDate from,
    LocalDate to,
    Integer page,
    Integer size) {

  /** Whether any filter is set, so that an empty list can say "none yet" rather than "no match". */
  public boolean filtered() {
    return outcome != null || counselingAccepted != null || from != null || to != null;
  }
}
