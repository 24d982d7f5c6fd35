package org.huhang.reporting;

import java.time.YearMonth;

/**
 * One month of the trend, by the same rules as the totals: applications received that month, how
 * many of them were counseled and reconciled, and the events held that month.
 */
public record MonthFigures(
    YearMonth month, long applications, long counseled, long reconciled, long outreachEvents) {}
