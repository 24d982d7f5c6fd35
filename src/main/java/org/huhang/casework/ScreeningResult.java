package org.huhang.casework;

import java.util.List;
import java.util.UUID;

/**
 * What a screening found for the party, the case's risk after it, and how many joint sessions
 * already booked it cancelled because the safety rules no longer allow them.
 */
public record ScreeningResult(
    UUID id,
    PartyRole party,
    Risk risk,
    List<String> reasons,
    Risk caseRisk,
    int cancelledJointSessions) {}
