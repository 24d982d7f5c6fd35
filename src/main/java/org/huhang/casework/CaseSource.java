package org.huhang.casework;

/** How a case came in (SPEC §3 "Case"). */
public enum CaseSource {
  REGISTRATION_REFERRAL,
  WALK_IN,
  HOTLINE,
  VILLAGE_MEDIATOR,
  COURT_REFERRAL,
  FAMILY_EDUCATION_REQUEST,
  PREMARITAL_COUPLE,
  BOOKING;

  /** The sources a person opens a case from by hand; the others arrive by themselves. */
  public boolean byHand() {
    return this != REGISTRATION_REFERRAL && this != BOOKING;
  }
}
