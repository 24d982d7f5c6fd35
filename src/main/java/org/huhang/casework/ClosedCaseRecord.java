package org.huhang.casework;

import java.util.List;
import java.util.UUID;

/**
 * A closed case with what drafting a teaching case from it needs, notes decrypted: the parties with
 * their numbers, the relatives, each held session's notes in order and the outcome. It is
 * anonymised at once by its reader and never logged or shown as it is.
 */
public record ClosedCaseRecord(
    CaseId id,
    UUID centerId,
    String regionPath,
    CaseStage stage,
    List<String> issueCategories,
    Risk risk,
    String outcome,
    String arrangements,
    java.time.LocalDate openedOn,
    java.time.LocalDate closedOn,
    List<CaseParty> parties,
    List<RelatedPerson> relatedPersons,
    List<SessionNotes> sessions) {

  @Override
  public String toString() {
    return "ClosedCaseRecord[" + id + ", ***]";
  }
}
