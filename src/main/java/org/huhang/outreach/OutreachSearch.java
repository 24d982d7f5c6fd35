package org.huhang.outreach;

import java.time.LocalDate;

/**
 * Filters of the outreach list; all optional. {@code region} is a region code standing for its
 * whole subtree (371600: every event of the city); {@code from} and {@code to} bound the day held,
 * both included.
 */
public record OutreachSearch(
    OutreachType type, String region, LocalDate from, LocalDate to, Integer page, Integer size) {

  public OutreachSearch {
    region = region == null || region.isBlank() ? null : region.strip();
  }

  /** Whether any filter is set, so that an empty list can say "none yet" rather than "no match". */
  public boolean filtered() {
    return type != null || region != null || from != null || to != null;
  }
}
