package org.huhang.identity;

import java.time.LocalDate;
import java.util.UUID;

/** A token just created: the only moment its secret {@code token} exists outside the caller. */
public record CreatedApiToken(UUID id, String name, LocalDate expiresOn, String token) {

  @Override
  public String toString() {
    // Never in a log line: the secret stays out of toString.
    return "CreatedApiToken[" + id + ", " + name + "]";
  }
}
