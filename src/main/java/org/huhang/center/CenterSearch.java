package org.huhang.center;

/** Filters of the center list; all optional. */
public record CenterSearch(
    String q, CenterKind kind, CenterStatus status, Integer page, Integer size) {

  public CenterSearch {
    q = q == null || q.isBlank() ? null : q.strip();
  }
}
