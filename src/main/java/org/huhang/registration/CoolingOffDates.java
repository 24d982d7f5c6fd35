package org.huhang.registration;

import java.time.LocalDate;

/**
 * The dates of one application's cooling-off period. A provisional date was counted with weekends
 * only, because its year's holiday notice is not entered; it can only move later once it is.
 */
public record CoolingOffDates(
    LocalDate receivedOn,
    LocalDate withdrawalDeadline,
    LocalDate certificateFrom,
    LocalDate certificateDeadline,
    LocalDate deemedWithdrawnOn,
    boolean withdrawalProvisional,
    boolean certificateProvisional) {

  public boolean provisional() {
    return withdrawalProvisional || certificateProvisional;
  }
}
