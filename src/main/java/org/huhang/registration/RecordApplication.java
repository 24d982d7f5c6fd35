package org.huhang.registration;

import java.time.LocalDate;

/** Record a divorce registration application received by the registrar's office. */
public record RecordApplication(
    LocalDate receivedOn,
    Party partyA,
    Party partyB,
    LocalDate marriageDate,
    Integer minorChildren,
    boolean counselingOffered,
    boolean counselingAccepted) {}
