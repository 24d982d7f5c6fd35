package org.huhang.reporting.internal;

import java.time.YearMonth;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.huhang.casework.CaseCounts;
import org.huhang.casework.CaseStage;
import org.huhang.casework.SafetyReferralKind;
import org.huhang.center.CenterCount;
import org.huhang.center.CenterKind;
import org.huhang.outreach.EventCount;
import org.huhang.outreach.OutreachType;
import org.huhang.registration.ApplicationFact;
import org.huhang.registration.ApplicationId;
import org.huhang.reporting.Figures;
import org.huhang.reporting.MonthFigures;
import org.huhang.reporting.Ratio;
import org.huhang.reporting.RecordFigure;
import org.huhang.training.CourseCount;
import org.huhang.volunteer.Background;
import org.huhang.volunteer.VolunteerCount;

/**
 * Adds up {@link FigureRows} for the part of the tree below a region path: pure, no Spring, no
 * database. The labels of the ratios' denominators are part of the API.
 */
public final class FigureTally {

  static final String COUNSELED_WITHOUT_HIGH_RISK = "counseledWithoutHighRisk";
  static final String RECONCILED_FOLLOWED_UP_6 = "reconciledFollowedUpAt6Months";
  static final String RECONCILED_FOLLOWED_UP_12 = "reconciledFollowedUpAt12Months";

  private FigureTally() {}

  /** The figures of the records whose region path starts with {@code path}. */
  public static Figures of(FigureRows rows, String path) {
    return of(rows, (java.util.function.Predicate<String>) p -> p.startsWith(path));
  }

  /**
   * The figures of the records kept at the region itself, not at any region below it (a county's
   * registration office receives applications for the whole county): what its children's rows do
   * not add up to.
   */
  public static Figures atItself(FigureRows rows, String path) {
    return of(rows, (java.util.function.Predicate<String>) p -> p.equals(path));
  }

  private static Figures of(FigureRows rows, java.util.function.Predicate<String> in) {
    long applications = 0;
    long counseled = 0;
    long reconciled = 0;
    long highRisk = 0;
    long counseledTargets = 0;
    long followed6 = 0;
    long durable6 = 0;
    long followed12 = 0;
    long durable12 = 0;
    for (CoupleCount c : rows.couples()) {
      if (!in.test(c.regionPath())) {
        continue;
      }
      applications += c.applications();
      counseled += c.counseled();
      reconciled += c.reconciled();
      highRisk += c.highRisk();
      counseledTargets += c.counseledTargets();
      followed6 += c.followed6();
      durable6 += c.durable6();
      followed12 += c.followed12();
      durable12 += c.durable12();
    }

    long centers = 0;
    long rooms = 0;
    for (CenterCount c : rows.centers()) {
      if (in.test(c.regionPath())) {
        if (c.kind() == CenterKind.CENTER) {
          centers += c.open();
        } else {
          rooms += c.open();
        }
      }
    }
    Map<Background, Long> byBackground = zeros(Background.class);
    for (VolunteerCount v : rows.volunteers()) {
      if (in.test(v.regionPath())) {
        byBackground.merge(v.background(), v.active(), Long::sum);
      }
    }
    Map<OutreachType, Long> byType = zeros(OutreachType.class);
    for (EventCount e : rows.events()) {
      if (in.test(e.regionPath())) {
        byType.merge(e.type(), e.events(), Long::sum);
      }
    }
    long courses = 0;
    long participants = 0;
    for (CourseCount c : rows.courses()) {
      if (in.test(c.regionPath())) {
        courses += c.courses();
        participants += c.participants();
      }
    }
    Map<CaseStage, Long> byStage = zeros(CaseStage.class);
    long highRiskCases = 0;
    for (CaseCounts.StageCount s : rows.cases().stages()) {
      if (in.test(s.regionPath())) {
        byStage.merge(s.stage(), s.cases(), Long::sum);
        highRiskCases += s.highRisk();
      }
    }
    Map<String, Long> byCategory = new TreeMap<>();
    for (CaseCounts.CategoryCount c : rows.cases().categories()) {
      if (in.test(c.regionPath())) {
        byCategory.merge(c.category(), c.cases(), Long::sum);
      }
    }
    Map<SafetyReferralKind, Long> byKind = zeros(SafetyReferralKind.class);
    for (CaseCounts.ReferralCount r : rows.cases().referrals()) {
      if (in.test(r.regionPath())) {
        byKind.merge(r.kind(), r.referrals(), Long::sum);
      }
    }
    return new Figures(
        applications,
        counseled,
        reconciled,
        highRisk,
        Rates.percent(counseled, applications),
        Rates.percent(reconciled, applications),
        ratio(reconciled, counseledTargets, COUNSELED_WITHOUT_HIGH_RISK),
        ratio(durable6, followed6, RECONCILED_FOLLOWED_UP_6),
        ratio(durable12, followed12, RECONCILED_FOLLOWED_UP_12),
        centers,
        rooms,
        sum(byBackground),
        byBackground,
        sum(byType),
        byType,
        courses,
        participants,
        sum(byStage),
        byStage,
        byCategory,
        highRiskCases,
        sum(byKind),
        byKind);
  }

  /**
   * The applications below {@code path} that {@link #of} counts in {@code figure}, by the same rows
   * and {@link CoupleRules}: newest received first.
   */
  public static List<ApplicationId> behind(FigureRows rows, String path, RecordFigure figure) {
    return rows.applications().stream()
        .filter(a -> a.regionPath().startsWith(path))
        .filter(a -> CoupleRules.counts(figure, a, rows.counseling().get(a.id())))
        .sorted(
            java.util.Comparator.comparing(ApplicationFact::receivedOn)
                .reversed()
                .thenComparing(a -> a.id().value()))
        .map(ApplicationFact::id)
        .toList();
  }

  /** The monthly trend below {@code path}, months in order, by the same rules as {@link #of}. */
  public static List<MonthFigures> byMonth(FigureRows rows, String path) {
    Map<YearMonth, long[]> months = new TreeMap<>();
    for (CoupleCount c : rows.couples()) {
      if (!c.regionPath().startsWith(path)) {
        continue;
      }
      long[] m = months.computeIfAbsent(c.month(), k -> new long[4]);
      m[0] += c.applications();
      m[1] += c.counseled();
      m[2] += c.reconciled();
    }
    for (EventCount e : rows.events()) {
      if (e.regionPath().startsWith(path)) {
        months.computeIfAbsent(e.month(), k -> new long[4])[3] += e.events();
      }
    }
    return months.entrySet().stream()
        .map(
            e ->
                new MonthFigures(
                    e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3]))
        .toList();
  }

  private static Ratio ratio(long numerator, long denominator, String label) {
    return new Ratio(numerator, denominator, label, Rates.percent(numerator, denominator));
  }

  private static <E extends Enum<E>> Map<E, Long> zeros(Class<E> type) {
    Map<E, Long> map = new EnumMap<>(type);
    for (E e : type.getEnumConstants()) {
      map.put(e, 0L);
    }
    return map;
  }

  private static long sum(Map<?, Long> counts) {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }
}
