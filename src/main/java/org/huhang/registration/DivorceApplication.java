package org.huhang.registration;

import java.time.LocalDate;
import java.util.UUID;
import org.huhang.shared.DomainException;

/**
 * The state of an application and the moves the law allows: {@link #withdraw} up to the withdrawal
 * deadline (one party alone may withdraw), {@link #issueCertificate} inside the certificate window,
 * {@link #deemWithdrawn} only after the certificate deadline. A move outside its window is refused
 * with the deadline in the message; a move that a provisional deadline cannot yet decide is refused
 * until the holiday notice is entered.
 */
record DivorceApplication(
    UUID id, CoolingOffDates dates, Outcome outcome, LocalDate outcomeOn, String withdrawnBy) {

  DivorceApplication withdraw(LocalDate on, String by) {
    requirePending();
    if (on.isBefore(dates.receivedOn())) {
      throw DomainException.of("on", "application.beforeReceipt", dates.receivedOn().toString());
    }
    if (on.isAfter(dates.withdrawalDeadline())) {
      // A provisional deadline can only move later: a date after it may still be in time.
      throw DomainException.of(
          "on",
          dates.withdrawalProvisional()
              ? "application.withdraw.provisional"
              : "application.withdraw.late",
          dates.withdrawalDeadline().toString());
    }
    return new DivorceApplication(id, dates, Outcome.WITHDRAWN, on, by);
  }

  DivorceApplication issueCertificate(LocalDate on) {
    requirePending();
    if (dates.withdrawalProvisional()) {
      throw DomainException.of(
          "on", "application.certificate.provisionalStart", dates.certificateFrom().toString());
    }
    if (on.isBefore(dates.certificateFrom())) {
      throw DomainException.of(
          "on", "application.certificate.early", dates.certificateFrom().toString());
    }
    if (on.isAfter(dates.certificateDeadline())) {
      throw DomainException.of(
          "on",
          dates.certificateProvisional()
              ? "application.certificate.provisionalEnd"
              : "application.certificate.late",
          dates.certificateDeadline().toString());
    }
    return new DivorceApplication(id, dates, Outcome.DIVORCED, on, null);
  }

  DivorceApplication deemWithdrawn(LocalDate today) {
    requirePending();
    if (dates.certificateProvisional() || today.isBefore(dates.deemedWithdrawnOn())) {
      throw DomainException.of(
          "on", "application.deem.early", dates.certificateDeadline().toString());
    }
    return new DivorceApplication(
        id, dates, Outcome.DEEMED_WITHDRAWN, dates.deemedWithdrawnOn(), null);
  }

  private void requirePending() {
    if (outcome != Outcome.PENDING) {
      throw DomainException.of("on", "application.closed");
    }
  }
}
