package org.huhang.casework;

/**
 * One party's safety screening: the answers, and the counselor's confirmation that the other party
 * was not present (the API implies it; the form asks for the tick).
 */
public record ScreenParty(PartyRole party, ScreeningAnswers answers, Boolean otherAbsent) {}
