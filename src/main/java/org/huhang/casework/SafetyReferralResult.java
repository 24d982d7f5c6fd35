package org.huhang.casework;

/** How a safety referral turned out; PENDING until someone learns the result. */
public enum SafetyReferralResult {
  PENDING,
  GRANTED,
  REFUSED,
  DONE,
  WITHDRAWN
}
