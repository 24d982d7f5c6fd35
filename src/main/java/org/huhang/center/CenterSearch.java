package org.huhang.center;

/** Filters of the center list; all optional. */
public record CenterSearch(
    String q, CenterKind kind, CenterStatus status, Integer page, Integer size) {

  public CenterSearch {
    q = q == null || q.isBlank() ? null : q.strip();
  }

  /** Whether any filter is set, so that an empty list can say "none yet" rather than "no match". */
  public boolean filtered() {
    return q != null || kind != null || status != null;
  }
}
