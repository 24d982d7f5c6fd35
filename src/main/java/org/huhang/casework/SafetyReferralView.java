package org.huhang.casework;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A safety referral; its note only on the audited read of those who work the case. */
public record SafetyReferralView(
    UUID id,
    SafetyReferralKind kind,
    LocalDate madeOn,
    boolean onBehalf,
    SafetyReferralResult result,
    LocalDate resultOn,
    String note,
    String recordedBy,
    Instant recordedAt) {}
