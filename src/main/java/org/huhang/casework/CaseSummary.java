package org.huhang.casework;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A row of a case list. */
public record CaseSummary(
    CaseId id,
    String parties,
    UUID centerId,
    String centerName,
    CaseStage stage,
    CaseSource source,
    CaseStatus status,
    Risk risk,
    List<String> issueCategories,
    LocalDate openedOn,
    String leadCounselor,
    java.time.LocalDateTime nextSession) {

  /** The same case with its center named (a list names its page's centers at once). */
  public CaseSummary withCenterName(String name) {
    return new CaseSummary(
        id,
        parties,
        centerId,
        name,
        stage,
        source,
        status,
        risk,
        issueCategories,
        openedOn,
        leadCounselor,
        nextSession);
  }
}
