package org.huhang.outreach;

import java.time.YearMonth;

/** How many events of a type a region path held in a month: for the figures and their trend. */
public record EventCount(String regionPath, YearMonth month, OutreachType type, long events) {}
