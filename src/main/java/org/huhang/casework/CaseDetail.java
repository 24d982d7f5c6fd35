package org.huhang.casework;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One case with what its page and the API show: no note, answer or plan text, which are read (and
 * audited) on their own.
 */
public record CaseDetail(
    CaseId id,
    UUID centerId,
    String centerName,
    String regionPath,
    CaseStage stage,
    CaseSource source,
    CaseStatus status,
    Risk risk,
    List<String> issueCategories,
    List<PartyView> parties,
    List<RelatedPerson> relatedPersons,
    UUID applicationId,
    LocalDate openedOn,
    String openedBy,
    boolean jointApproved,
    String outcome,
    LocalDate closedOn,
    String legalOutcome,
    LocalDate legalOutcomeOn,
    long version,
    LocalDate anonymisedOn) {

  public boolean closed() {
    return status == CaseStatus.CLOSED;
  }

  public boolean highRisk() {
    return risk == Risk.HIGH;
  }

  public PartyView party(PartyRole role) {
    return parties.stream().filter(p -> p.role() == role).findFirst().orElse(null);
  }
}
