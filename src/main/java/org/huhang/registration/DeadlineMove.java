package org.huhang.registration;

import java.time.Instant;
import java.time.LocalDate;

/** An application whose deadlines a newly entered holiday notice moved. */
public record DeadlineMove(
    ApplicationId applicationId,
    Instant changedAt,
    LocalDate oldWithdrawal,
    LocalDate newWithdrawal,
    LocalDate oldCertificate,
    LocalDate newCertificate) {}
