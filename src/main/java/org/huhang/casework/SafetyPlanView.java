package org.huhang.casework;

import java.time.Instant;

/**
 * A case's safety plan. The texts are filled only on the audited read of those who work the case;
 * others learn that a plan exists and when it was last updated.
 */
public record SafetyPlanView(
    String contacts,
    String safePlace,
    String nextSteps,
    String updatedBy,
    Instant updatedAt,
    int version) {}
