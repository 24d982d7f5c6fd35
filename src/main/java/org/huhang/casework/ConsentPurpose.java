package org.huhang.casework;

/** What a party consents to, each recorded and withdrawn on its own. */
public enum ConsentPurpose {
  COUNSELING,
  /** Processing of sensitive personal information: notes and screening answers about the party. */
  SENSITIVE_PROCESSING,
  FOLLOW_UP
}
