package org.huhang.reporting.internal;

import java.util.EnumSet;
import java.util.Set;
import org.huhang.casework.ApplicationCounseling;
import org.huhang.registration.ApplicationFact;
import org.huhang.registration.Outcome;
import org.huhang.reporting.RecordFigure;

/**
 * The one place that says whether an application counts as counseled and as reconciled (SPEC §4
 * "Rates"), for every figure built on them: totals, regions, months, and later the dashboards and
 * exports.
 */
final class CoupleRules {

  /** The outcomes that mean the couple did not divorce, under either regime. */
  static final Set<Outcome> STAYED_MARRIED =
      EnumSet.of(Outcome.WITHDRAWN, Outcome.DEEMED_WITHDRAWN, Outcome.CANCELLED_OR_POSTPONED);

  private CoupleRules() {}

  /**
   * At least one session HELD on or before the outcome date; an application still pending counts
   * any held session. A session held only after the outcome did not counsel that application.
   */
  static boolean counseled(ApplicationFact application, ApplicationCounseling counseling) {
    if (counseling == null || counseling.firstHeldOn() == null) {
      return false;
    }
    if (application.outcome() == Outcome.PENDING || application.outcomeOn() == null) {
      return true;
    }
    return !counseling.firstHeldOn().isAfter(application.outcomeOn());
  }

  /** Whether the application's case was ever screened HIGH risk. */
  static boolean highRisk(ApplicationCounseling counseling) {
    return counseling != null && counseling.highRisk();
  }

  /**
   * Counseled, and the couple stayed married (withdrawn, deemed withdrawn, cancelled or postponed).
   * A HIGH-risk case is never a reconciliation target (SPEC §4 "Safety first": mediation is
   * contraindicated where there is violence), so it is never counted as reconciled, whatever its
   * outcome; it is counted on its own ({@code highRisk}).
   */
  static boolean reconciled(ApplicationFact application, ApplicationCounseling counseling) {
    return counseled(application, counseling)
        && !highRisk(counseling)
        && STAYED_MARRIED.contains(application.outcome());
  }

  /** Whether the application counts in the headline figure: the rules above, nothing else. */
  static boolean counts(
      RecordFigure figure, ApplicationFact application, ApplicationCounseling counseling) {
    return switch (figure) {
      case APPLICATIONS -> true;
      case COUNSELED -> counseled(application, counseling);
      case RECONCILED -> reconciled(application, counseling);
      case HIGH_RISK -> highRisk(counseling);
    };
  }
}
