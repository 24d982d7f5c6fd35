package org.huhang.identity;

import java.util.UUID;
import org.huhang.shared.Role;

/** A user as other modules refer to it. */
public record UserRef(
    UUID id, String username, String displayName, Role role, String regionPath, boolean enabled) {}
