package org.huhang.registration;

import java.time.LocalDate;
import org.jmolecules.event.annotation.DomainEvent;

/**
 * A couple in the cooling-off period accepted counseling: the casework module turns this into a
 * case and answers with {@link CounselingCaseOpened}. Carries no personal data; the case reads what
 * it needs through the registration API.
 */
@DomainEvent
public record CounselingRequested(
    ApplicationId applicationId,
    String regionPath,
    LocalDate receivedOn,
    LocalDate withdrawalDeadline) {}
