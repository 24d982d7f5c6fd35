package org.huhang.registration;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A couple in the cooling-off period accepted counseling: the casework module turns this into a
 * case. Carries no personal data; the case reads what it needs through the registration API.
 */
public record CounselingRequested(
    UUID applicationId, String regionPath, LocalDate receivedOn, LocalDate withdrawalDeadline) {}
