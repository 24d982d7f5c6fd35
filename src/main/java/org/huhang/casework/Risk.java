package org.huhang.casework;

/**
 * A case's safety risk as screening found it. UNSCREENED until a party is screened; a case keeps
 * the highest risk any of its screenings found.
 */
public enum Risk {
  UNSCREENED,
  LOW,
  ELEVATED,
  HIGH;

  public Risk atLeast(Risk other) {
    return other.ordinal() > ordinal() ? other : this;
  }
}
