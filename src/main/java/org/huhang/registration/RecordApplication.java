package org.huhang.registration;

import java.time.LocalDate;

/**
 * Record a divorce registration application received by the registrar's office. Counseling not
 * mentioned means not offered and not accepted: an unticked box sends nothing, and a form or API
 * caller that leaves them out still records the application.
 */
public record RecordApplication(
    LocalDate receivedOn,
    Party partyA,
    Party partyB,
    LocalDate marriageDate,
    Integer minorChildren,
    Boolean counselingOffered,
    Boolean counselingAccepted) {

  public RecordApplication {
    counselingOffered = Boolean.TRUE.equals(counselingOffered);
    counselingAccepted = Boolean.TRUE.equals(counselingAccepted);
  }
}
