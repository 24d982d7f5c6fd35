package org.huhang.registration;

import java.time.LocalDate;

/**
 * Record a divorce registration application received by the registrar's office. Counseling not
 * mentioned means not offered and not accepted: an unticked box sends nothing, and a form or API
 * caller that leaves them out still records the application. An application received before 2021
 * ({@link Regime#PRE_CIVIL_CODE}) is history and carries its {@code outcome} (REGISTERED or
 * CANCELLED_OR_POSTPONED) and {@code outcomeOn}; one from 2021 on leaves them out (pending), or, in
 * the registration system's history import, carries the cooling-off outcome it reached.
 */
public record RecordApplication(
    LocalDate receivedOn,
    Party partyA,
    Party partyB,
    LocalDate marriageDate,
    Integer minorChildren,
    Boolean counselingOffered,
    Boolean counselingAccepted,
    Outcome outcome,
    LocalDate outcomeOn) {

  public RecordApplication {
    counselingOffered = Boolean.TRUE.equals(counselingOffered);
    counselingAccepted = Boolean.TRUE.equals(counselingAccepted);
  }

  /** An application received under the cooling-off period, still pending. */
  public RecordApplication(
      LocalDate receivedOn,
      Party partyA,
      Party partyB,
      LocalDate marriageDate,
      Integer minorChildren,
      Boolean counselingOffered,
      Boolean counselingAccepted) {
    this(
        receivedOn,
        partyA,
        partyB,
        marriageDate,
        minorChildren,
        counselingOffered,
        counselingAccepted,
        null,
        null);
  }
}
