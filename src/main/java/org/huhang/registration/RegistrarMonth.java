package org.huhang.registration;

import java.time.LocalDate;

/**
 * A registration office's month at a glance, for the registrar's home page: applications received
 * since the first of the month, those in their cooling-off period now, those whose period ends or
 * whose time to ask for the certificate runs out within the week, and the month's outcomes.
 */
public record RegistrarMonth(
    LocalDate monthStart,
    LocalDate today,
    int received,
    int inCoolingOff,
    int coolingOffEndsThisWeek,
    int certificateDueThisWeek,
    int withdrawn,
    int deemedWithdrawn,
    int divorced) {}
