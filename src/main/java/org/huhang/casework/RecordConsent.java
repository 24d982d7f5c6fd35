package org.huhang.casework;

import java.util.List;

/** A party's consent to one or more purposes, recorded by someone who works the case. */
public record RecordConsent(PartyRole party, List<ConsentPurpose> purposes) {

  public RecordConsent {
    purposes = purposes == null ? List.of() : purposes.stream().distinct().toList();
  }
}
