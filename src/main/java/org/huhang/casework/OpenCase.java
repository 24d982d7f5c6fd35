package org.huhang.casework;

import java.util.List;
import java.util.UUID;

/**
 * Opens a case by hand (walk-in, hotline, village mediator, court, family education request,
 * premarital couple), or through the API with an application it came from.
 */
public record OpenCase(
    UUID centerId,
    CaseStage stage,
    CaseSource source,
    List<String> issueCategories,
    List<CaseParty> parties,
    List<RelatedPerson> relatedPersons,
    UUID applicationId) {

  public OpenCase {
    issueCategories = issueCategories == null ? List.of() : List.copyOf(issueCategories);
    // A party block left entirely empty on the form (the optional second spouse) is no party.
    parties =
        parties == null
            ? List.of()
            : parties.stream()
                .filter(
                    p ->
                        p != null
                            && !((p.name() == null || p.name().isEmpty())
                                && p.gender() == null
                                && p.birthDate() == null
                                && p.idNumber() == null
                                && p.phone() == null))
                .toList();
    relatedPersons =
        relatedPersons == null
            ? List.of()
            : relatedPersons.stream()
                .filter(r -> r != null && !(r.name() == null || r.name().isBlank()))
                .toList();
  }
}
