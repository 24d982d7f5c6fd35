package org.huhang.casework;

import java.time.Instant;
import java.util.UUID;

/** One consent of a party: given when and by whose record, withdrawn when (never deleted). */
public record ConsentView(
    UUID id,
    PartyRole party,
    ConsentPurpose purpose,
    Instant givenAt,
    String recordedBy,
    Instant withdrawnAt,
    String withdrawnBy) {

  public boolean inForce() {
    return withdrawnAt == null;
  }
}
