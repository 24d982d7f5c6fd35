package org.huhang.selfservice;

/**
 * Where a booking stands: the manager accepts it into a case or declines it; the family cancels.
 */
public enum BookingStatus {
  REQUESTED,
  ACCEPTED,
  DECLINED,
  CANCELLED;

  public boolean open() {
    return this == REQUESTED || this == ACCEPTED;
  }
}
