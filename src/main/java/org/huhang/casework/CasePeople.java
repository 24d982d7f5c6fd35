package org.huhang.casework;

import java.util.List;

/**
 * The people of a case and nothing else: the parties with their numbers decrypted, and the
 * relatives' names. What a teaching case is checked against before it is saved or approved, so that
 * none of them is named in it; compared on the server, never shown or logged.
 */
public record CasePeople(List<CaseParty> parties, List<RelatedPerson> relatedPersons) {

  public CasePeople {
    parties = List.copyOf(parties);
    relatedPersons = List.copyOf(relatedPersons);
  }

  @Override
  public String toString() {
    return "CasePeople[***]";
  }
}
