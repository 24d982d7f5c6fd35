package org.huhang.shared;

import java.util.Objects;
import java.util.UUID;

/**
 * Who is acting: the logged-in user as every module sees it. The region path
 * ("/370000/371600/371623/") is the data scope: a record is visible when its region path starts
 * with it.
 */
public record Actor(
    UUID userId,
    String username,
    String displayName,
    Role role,
    String regionCode,
    String regionName,
    String regionPath)
    implements java.io.Serializable {

  public Actor {
    Objects.requireNonNull(username);
    Objects.requireNonNull(role);
    Objects.requireNonNull(regionPath);
  }

  public DataScope scope() {
    return new DataScope(regionPath);
  }

  public boolean is(Role expected) {
    return role == expected;
  }
}
