package org.huhang.volunteer;

import java.util.UUID;

/**
 * A volunteer as another module lists it for choosing and grouping: name, where it serves (its
 * region path, e.g. a county's discussion group) and the user account linked to it, if any, and
 * whether it serves now.
 */
public record VolunteerRef(
    VolunteerId id, String name, String regionPath, UUID userId, boolean active) {}
