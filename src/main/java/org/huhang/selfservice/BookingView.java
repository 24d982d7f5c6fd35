package org.huhang.selfservice;

import java.time.Instant;
import java.util.UUID;

/**
 * A booking as its pages show it. {@code personName} and {@code maskedPhone} are filled for the
 * family itself and for the staff who decide on it; {@code message} only where it was read (and
 * audited).
 */
public record BookingView(
    UUID id,
    String reference,
    UUID centerId,
    String centerName,
    String centerAddress,
    String centerPhone,
    Topic topic,
    HalfDaySlot slot,
    boolean together,
    boolean safetyConcern,
    BookingStatus status,
    UUID caseId,
    Instant createdAt,
    String personName,
    String maskedPhone,
    String message,
    int version) {

  @Override
  public String toString() {
    return "BookingView[" + id + ", " + status + "]";
  }
}
