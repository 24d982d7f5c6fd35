package org.huhang.identity.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One row of identity.api_token, without its hash. */
public record ApiTokenRow(
    UUID id,
    UUID userId,
    String name,
    Instant createdAt,
    LocalDate expiresOn,
    Instant revokedAt,
    String revokedBy,
    Instant lastUsedAt,
    String lastUsedFrom) {}
