package org.huhang.casework;

import java.time.LocalDate;

/**
 * Closing a case with the counselor's outcome (RECONCILED, AMICABLE_DIVORCE, REFERRED,
 * LOST_CONTACT, OTHER); an amicable divorce says how children and property were arranged.
 */
public record CloseCase(String outcome, String arrangements, LocalDate closedOn) {}
