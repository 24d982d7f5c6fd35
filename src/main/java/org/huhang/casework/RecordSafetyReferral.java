package org.huhang.casework;

import java.time.LocalDate;

/**
 * A safety referral made on a day; {@code onBehalf} only for a protection order the federation
 * applied for on the victim's behalf. The result may be known already.
 */
public record RecordSafetyReferral(
    SafetyReferralKind kind,
    LocalDate madeOn,
    Boolean onBehalf,
    SafetyReferralResult result,
    LocalDate resultOn,
    String note) {

  public RecordSafetyReferral {
    note = note == null ? "" : note.strip();
    result = result == null ? SafetyReferralResult.PENDING : result;
  }
}
