package org.huhang.registration;

import java.time.LocalDate;

/** An application with its cooling-off dates and outcome. */
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
    String withdrawnBy) {

  /** Counseling accepted and no case opened for it yet. */
  public boolean awaitingCase() {
    return counselingAccepted && !caseOpened;
  }
}
