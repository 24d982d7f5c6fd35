package org.huhang.casework;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One screening as anybody who sees the case may see it: whose, when, by whom and the risk found.
 * {@code answers} and {@code reasons} are filled only on the audited read of those who work the
 * case, otherwise null and empty.
 */
public record ScreeningView(
    UUID id,
    PartyRole party,
    Risk risk,
    Instant screenedAt,
    String screenedBy,
    ScreeningAnswers answers,
    List<String> reasons) {}
