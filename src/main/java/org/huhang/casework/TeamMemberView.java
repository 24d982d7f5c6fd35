package org.huhang.casework;

import java.time.Instant;
import java.util.UUID;

/** A counselor on a case's team, as assigned (the name as it was then). */
public record TeamMemberView(
    UUID volunteerId,
    UUID userId,
    String name,
    boolean lead,
    String assignedBy,
    Instant assignedAt) {}
