package org.huhang.identity.internal;

import java.time.Instant;
import java.util.UUID;
import org.huhang.shared.Role;

/** A row of identity.app_user. */
public record UserRow(
    UUID id,
    String username,
    String displayName,
    String passwordHash,
    Role role,
    String regionCode,
    String regionPath,
    boolean enabled,
    Instant createdAt) {}
