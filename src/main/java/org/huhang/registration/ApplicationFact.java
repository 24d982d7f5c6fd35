package org.huhang.registration;

import java.time.LocalDate;

/**
 * One application as figures see it (SPEC §4 "Rates"): where and when it was received, under which
 * law, and how it ended. No name, no number: nothing here identifies a couple.
 */
public record ApplicationFact(
    ApplicationId id,
    String regionPath,
    LocalDate receivedOn,
    Regime regime,
    Outcome outcome,
    LocalDate outcomeOn) {}
