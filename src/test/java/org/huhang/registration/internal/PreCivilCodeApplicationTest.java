package org.huhang.registration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.huhang.registration.internal.DivorceApplicationTest.PROTECTOR;
import static org.huhang.registration.internal.DivorceApplicationTest.REGISTRAR;
import static org.huhang.registration.internal.DivorceApplicationTest.TODAY;
import static org.huhang.registration.internal.DivorceApplicationTest.husband;
import static org.huhang.registration.internal.DivorceApplicationTest.refused;
import static org.huhang.registration.internal.DivorceApplicationTest.wife;

import java.time.LocalDate;
import org.huhang.registration.Outcome;
import org.huhang.registration.RecordApplication;
import org.huhang.registration.Regime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** An application received before 2021, without Spring: no dates, no calendar, no cooling-off. */
class PreCivilCodeApplicationTest {

  /** A clock without any calendar: asking it anything fails the test. */
  static final CoolingOffClock NO_CALENDAR = new CoolingOffClock(null);

  static final LocalDate RECEIVED = LocalDate.of(2019, 6, 3);

  static RecordApplication history(LocalDate received, Outcome outcome, LocalDate on) {
    return new RecordApplication(
        received, husband(), wife(), LocalDate.of(2010, 5, 20), 1, true, true, outcome, on);
  }

  static DivorceApplication recorded(Outcome outcome) {
    return DivorceApplication.record(
        history(RECEIVED, outcome, RECEIVED), REGISTRAR, TODAY, NO_CALENDAR, PROTECTOR);
  }

  @Test
  void itIsRecordedDecidedWithoutDatesOrCalendarAndAnnouncesNothing() {
    for (Outcome outcome : new Outcome[] {Outcome.REGISTERED, Outcome.CANCELLED_OR_POSTPONED}) {
      DivorceApplication a = recorded(outcome);
      assertThat(a.regime()).isEqualTo(Regime.PRE_CIVIL_CODE);
      assertThat(a.outcome()).isEqualTo(outcome);
      assertThat(a.outcomeOn()).isEqualTo(RECEIVED);
      assertThat(a.receivedOn()).isEqualTo(RECEIVED);
      assertThat(a.dates().withdrawalDeadline()).isNull();
      assertThat(a.dates().deemedWithdrawnOn()).isNull();
      assertThat(a.dates().provisional()).isFalse();
      // Counseling accepted then is history, not a referral to open now.
      assertThat(a.registeredEvents()).isEmpty();
      assertThat(a.reschedule(NO_CALENDAR)).isEmpty();
    }
  }

  @Test
  void noCoolingOffMoveApplies() {
    DivorceApplication a = recorded(Outcome.REGISTERED);
    refused(
        () -> a.withdraw(RECEIVED.plusDays(3), "A", TODAY),
        "on",
        "application.regime.noCoolingOff");
    refused(
        () -> a.issueCertificate(RECEIVED.plusDays(40), TODAY),
        "on",
        "application.regime.noCoolingOff");
    refused(() -> a.deemWithdrawn(TODAY), "on", "application.regime.noCoolingOff");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "no outcome, 2019-06-03, , 2019-06-03, outcome, application.outcome.preCivilCode.required",
    "a cooling-off outcome, 2020-12-31, WITHDRAWN, 2020-12-31, outcome, application.outcome.preCivilCode.only",
    "no day, 2019-06-03, REGISTERED, , outcomeOn, application.outcomeOn.required",
    "a day before receipt, 2019-06-03, REGISTERED, 2019-06-02, outcomeOn, application.outcomeOn.beforeReceipt",
    "a day to come, 2019-06-03, REGISTERED, 2026-06-02, outcomeOn, date.future",
    "a pre-2021 outcome from 2021 on, 2021-01-01, REGISTERED, 2021-01-01, outcome, application.outcome.coolingOff.only",
    "a day without outcome from 2021 on, 2021-01-04, , 2021-01-05, outcomeOn, application.outcomeOn.withoutOutcome",
  })
  void theOutcomeMustFitTheRegime(
      String why, LocalDate received, Outcome outcome, LocalDate on, String field, String key) {
    assertThat(DivorceApplication.check(history(received, outcome, on), TODAY))
        .extracting(p -> p.field() + " " + p.messageKey())
        .contains(field + " " + key);
  }
}
