package org.huhang.identity;

import java.time.Instant;
import java.util.UUID;
import org.huhang.shared.Role;

/** A user account as lists, pages and the API show it (never the password hash). */
public record UserView(
    UUID id,
    String username,
    String displayName,
    Role role,
    String regionCode,
    String regionName,
    boolean enabled,
    Instant createdAt) {}
