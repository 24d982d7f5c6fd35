package org.huhang.registration;

import java.time.LocalDate;

/**
 * An application with its outcome and, under the cooling-off period, its dates; {@code dates} is
 * null for an application received before 2021 ({@link Regime#PRE_CIVIL_CODE}), which had none.
 */
public record ApplicationView(
    ApplicationId id,
    String officeRegionCode,
    LocalDate receivedOn,
    PartyView partyA,
    PartyView partyB,
    LocalDate marriageDate,
    int minorChildren,
    boolean counselingOffered,
    boolean counselingAccepted,
    boolean caseOpened,
    CoolingOffDates dates,
    Outcome outcome,
    LocalDate outcomeOn,
    String withdrawnBy,
    Regime regime) {

  /** Counseling accepted and no case opened for it yet. */
  public boolean coolingOff() {
    return regime == Regime.COOLING_OFF;
  }

  public boolean awaitingCase() {
    return counselingAccepted && !caseOpened;
  }
}
