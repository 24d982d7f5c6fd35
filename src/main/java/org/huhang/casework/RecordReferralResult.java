package org.huhang.casework;

import java.time.LocalDate;

/** The result of a safety referral, learnt later; a note given replaces the earlier one. */
public record RecordReferralResult(SafetyReferralResult result, LocalDate resultOn, String note) {

  public RecordReferralResult {
    note = note == null ? "" : note.strip();
  }
}
