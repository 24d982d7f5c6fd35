package org.huhang.registration;

import java.time.Instant;
import java.time.LocalDate;

/** An application whose deadlines a newly entered holiday notice moved, named by its couple. */
public record DeadlineMove(
    ApplicationId applicationId,
    String couple,
    Instant changedAt,
    LocalDate oldWithdrawal,
    LocalDate newWithdrawal,
    LocalDate oldCertificate,
    LocalDate newCertificate) {}
