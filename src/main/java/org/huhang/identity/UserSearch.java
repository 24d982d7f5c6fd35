package org.huhang.identity;

import org.huhang.shared.Role;

/** Filters of the user list; all optional. {@code q} matches username or display name. */
public record UserSearch(String q, Role role, Integer page, Integer size) {

  public UserSearch {
    q = q == null || q.isBlank() ? null : q.strip();
  }

  /** Whether any filter is set, so that an empty list can say "none yet" rather than "no match". */
  public boolean filtered() {
    return q != null || role != null;
  }
}
