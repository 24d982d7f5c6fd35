package org.huhang.identity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A personal API token as its owner and administrators see it: never the token itself. */
public record ApiTokenView(
    UUID id,
    String name,
    Instant createdAt,
    LocalDate expiresOn,
    Instant lastUsedAt,
    String lastUsedFrom,
    Instant revokedAt,
    String revokedBy,
    ApiTokenStatus status) {

  public boolean active() {
    return status == ApiTokenStatus.ACTIVE;
  }
}
