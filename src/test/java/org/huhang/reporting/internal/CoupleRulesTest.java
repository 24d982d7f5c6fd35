package org.huhang.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import org.huhang.casework.ApplicationCounseling;
import org.huhang.registration.ApplicationFact;
import org.huhang.registration.ApplicationId;
import org.huhang.registration.Outcome;
import org.huhang.registration.Regime;
import org.junit.jupiter.api.Test;

class CoupleRulesTest {

  static final ApplicationId ID = new ApplicationId(UUID.randomUUID());
  static final LocalDate RECEIVED = LocalDate.of(2022, 3, 1);

  static ApplicationFact application(Outcome outcome, LocalDate on) {
    return new ApplicationFact(
        ID, "/370000/371600/371623/", RECEIVED, Regime.of(RECEIVED), outcome, on);
  }

  static ApplicationCounseling held(LocalDate firstHeld, boolean high) {
    return new ApplicationCounseling(ID, firstHeld, high, null, null);
  }

  @Test
  void aSessionOnTheOutcomeDayCountsOneAfterItDoesNot() {
    LocalDate out = LocalDate.of(2022, 3, 20);
    assertThat(CoupleRules.counseled(application(Outcome.WITHDRAWN, out), held(out, false)))
        .isTrue();
    assertThat(
            CoupleRules.counseled(
                application(Outcome.WITHDRAWN, out), held(out.plusDays(1), false)))
        .isFalse();
    assertThat(
            CoupleRules.reconciled(
                application(Outcome.WITHDRAWN, out), held(out.plusDays(1), false)))
        .isFalse();
  }

  @Test
  void aPendingApplicationCountsAnyHeldSessionAndNoneIsNotCounseled() {
    assertThat(
            CoupleRules.counseled(
                application(Outcome.PENDING, null), held(RECEIVED.plusDays(40), false)))
        .isTrue();
    assertThat(CoupleRules.reconciled(application(Outcome.PENDING, null), held(RECEIVED, false)))
        .isFalse();
    assertThat(CoupleRules.counseled(application(Outcome.PENDING, null), null)).isFalse();
    assertThat(CoupleRules.counseled(application(Outcome.PENDING, null), held(null, false)))
        .isFalse();
  }

  @Test
  void onlyTheOutcomesOfStayingMarriedReconcileAndNeverAHighRiskCase() {
    LocalDate out = LocalDate.of(2022, 5, 1);
    ApplicationCounseling before = held(RECEIVED.plusDays(3), false);
    assertThat(CoupleRules.reconciled(application(Outcome.WITHDRAWN, out), before)).isTrue();
    assertThat(CoupleRules.reconciled(application(Outcome.DEEMED_WITHDRAWN, out), before)).isTrue();
    assertThat(CoupleRules.reconciled(application(Outcome.DIVORCED, out), before)).isFalse();
    ApplicationCounseling high = held(RECEIVED.plusDays(3), true);
    assertThat(CoupleRules.counseled(application(Outcome.WITHDRAWN, out), high)).isTrue();
    assertThat(CoupleRules.reconciled(application(Outcome.WITHDRAWN, out), high)).isFalse();
  }

  @Test
  void beforeTwentyTwentyOneCancelledOrPostponedReconcilesRegisteredDoesNot() {
    LocalDate received = LocalDate.of(2019, 6, 3);
    ApplicationCounseling sameDay = new ApplicationCounseling(ID, received, false, null, null);
    ApplicationFact cancelled =
        new ApplicationFact(
            ID,
            "/370000/371600/371623/",
            received,
            Regime.PRE_CIVIL_CODE,
            Outcome.CANCELLED_OR_POSTPONED,
            received);
    ApplicationFact registered =
        new ApplicationFact(
            ID,
            "/370000/371600/371623/",
            received,
            Regime.PRE_CIVIL_CODE,
            Outcome.REGISTERED,
            received);
    assertThat(CoupleRules.reconciled(cancelled, sameDay)).isTrue();
    assertThat(CoupleRules.reconciled(registered, sameDay)).isFalse();
    assertThat(CoupleRules.counseled(registered, sameDay)).isTrue();
  }
}
