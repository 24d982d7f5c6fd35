package org.huhang.casework;

import java.util.List;
import java.util.UUID;

/** What a screening found for the party, and the case's risk after it. */
public record ScreeningResult(
    UUID id, PartyRole party, Risk risk, List<String> reasons, Risk caseRisk) {}
