package org.huhang.training;

/** Where a participant stands: a seat, the waiting list, withdrawn, or the course completed. */
public enum ParticipantStatus {
  ENROLLED,
  WAITING,
  CANCELLED,
  COMPLETED
}
