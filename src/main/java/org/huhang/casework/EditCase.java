package org.huhang.casework;

import java.util.List;

/**
 * Changes what a case is about. {@code version} is the version the editor saw: if someone saved the
 * case since, the change is refused with a conflict, never written over theirs.
 */
public record EditCase(
    CaseStage stage,
    List<String> issueCategories,
    List<RelatedPerson> relatedPersons,
    Long version) {

  public EditCase {
    issueCategories = issueCategories == null ? List.of() : List.copyOf(issueCategories);
    relatedPersons =
        relatedPersons == null
            ? List.of()
            : relatedPersons.stream()
                .filter(r -> r != null && !(r.name() == null || r.name().isBlank()))
                .toList();
  }
}
