package org.huhang.casework;

/** A case is open when accepted, active once counseling began, closed with its outcome. */
public enum CaseStatus {
  OPEN,
  ACTIVE,
  CLOSED
}
