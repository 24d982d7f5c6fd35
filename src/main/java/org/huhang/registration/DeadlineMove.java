package org.huhang.registration;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An application whose deadlines a newly entered holiday notice moved. */
public record DeadlineMove(
    UUID applicationId,
    Instant changedAt,
    LocalDate oldWithdrawal,
    LocalDate newWithdrawal,
    LocalDate oldCertificate,
    LocalDate newCertificate) {}
