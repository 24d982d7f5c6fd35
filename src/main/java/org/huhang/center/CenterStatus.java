package org.huhang.center;

/** Whether a center takes sessions. */
public enum CenterStatus {
  OPEN,
  SUSPENDED,
  CLOSED
}
