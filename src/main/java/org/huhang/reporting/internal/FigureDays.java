package org.huhang.reporting.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.huhang.casework.CaseCounts;
import org.huhang.casework.CaseFigures;
import org.huhang.casework.CaseStage;
import org.huhang.casework.SafetyReferralKind;
import org.huhang.registration.ApplicationFact;
import org.huhang.registration.ApplicationId;
import org.huhang.registration.DivorceApplications;
import org.huhang.shared.DataScope;
import org.huhang.shared.database.FigureChanges;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures kept per region path and day, and rolled up by month (V32): the couples' by received
 * day ({@code reporting.couple_day}, a cache of {@link CoupleCount#count}) and casework's counts by
 * the day a case was opened or a referral made ({@code reporting.case_day}, a cache of {@link
 * CaseFigures#countsOn}). A period sums its whole months and the days at its ends: a few thousand
 * rows whatever the number of applications and cases (ten times Binzhou: 440,000 and 300,000; a
 * province: millions).
 *
 * <p>It is exact when read: the modules' triggers mark every day whose figures a statement changed
 * ({@link FigureChanges}), and {@link #refresh} recomputes the marked days, whole, from the same
 * facade rows and {@link CoupleRules} the plain count uses, before the summary sums. Refreshes take
 * one advisory lock, so two instances or two requests never write a day from different snapshots; a
 * mark committed while a refresh runs waits for the next. The cache is built whole the first time
 * (and after a table was truncated).
 */
@Repository
public class FigureDays {

  private static final Logger log = LoggerFactory.getLogger(FigureDays.class);

  /** The advisory lock of refreshes (an arbitrary constant: "couple_day"). */
  private static final long LOCK = 0x636f75706c65L;

  /**
   * Days recomputed per round trip: a quarter (a city's 2,000 applications, 20,000 at ten times
   * Binzhou). Casework counts more than 5,000 in one pass over the held sessions, so a whole build
   * at ten times Binzhou makes 23 passes rather than 70 (26 s with months).
   */
  private static final int DAYS_PER_BATCH = 92;

  private final JdbcClient jdbc;
  private final JdbcTemplate template;
  private final DivorceApplications applications;
  private final CaseFigures cases;
  private final FigureChanges changes;

  FigureDays(
      JdbcClient jdbc,
      JdbcTemplate template,
      DivorceApplications applications,
      CaseFigures cases,
      FigureChanges changes) {
    this.jdbc = jdbc;
    this.template = template;
    this.applications = applications;
    this.cases = cases;
    this.changes = changes;
  }

  /**
   * Brings the caches up to date with every change committed before it: nothing to do (one cheap
   * query) when no mark waits. Runs in a read-write transaction of its own, on the primary,
   * whatever the caller's: it recomputes days of every region, so it runs in the system row scope,
   * which a connection the caller already holds would not have.
   */
  @Transactional(propagation = org.springframework.transaction.annotation.Propagation.REQUIRES_NEW)
  public void refresh() {
    if (built("couples_built_at is not null and cases_built_at is not null")
        && !changes.pending()) {
      return;
    }
    jdbc.sql("select pg_advisory_xact_lock(:lock)").param("lock", LOCK).query((rs, n) -> 1).list();
    // Read again under the lock: another refresh may just have done the work.
    boolean couplesBuilt = built("couples_built_at is not null");
    boolean casesBuilt = built("cases_built_at is not null");
    FigureChanges.Marks marks = changes.drain();
    if (!couplesBuilt || marks.everything()) {
      long started = System.nanoTime();
      jdbc.sql("delete from reporting.couple_day").update();
      List<LocalDate> days = applications.receivedDays();
      recompute(days);
      rollUp(COUPLE_MONTHS, null);
      jdbc.sql("update reporting.cache_build set couples_built_at = now()").update();
      log.info(
          "Couples' figures by day built: {} days in {} ms",
          days.size(),
          (System.nanoTime() - started) / 1_000_000);
    } else if (!marks.days().isEmpty() || !marks.applications().isEmpty()) {
      TreeSet<LocalDate> days = new TreeSet<>(marks.days());
      days.addAll(
          applications.receivedDaysOf(
              marks.applications().stream().map(ApplicationId::new).toList()));
      recompute(days);
      rollUp(COUPLE_MONTHS, days);
    }
    if (!casesBuilt || marks.everything()) {
      long started = System.nanoTime();
      jdbc.sql("delete from reporting.case_day").update();
      List<LocalDate> days = cases.countDays();
      recomputeCases(days);
      rollUp(CASE_MONTHS, null);
      jdbc.sql("update reporting.cache_build set cases_built_at = now()").update();
      log.info(
          "Casework's figures by day built: {} days in {} ms",
          days.size(),
          (System.nanoTime() - started) / 1_000_000);
    } else if (!marks.caseDays().isEmpty()) {
      recomputeCases(marks.caseDays());
      rollUp(CASE_MONTHS, marks.caseDays());
    }
  }

  /** The build state's {@code test} (a constant of this class, never input). */
  private boolean built(String test) {
    return jdbc.sql("select " + test + " from reporting.cache_build").query(Boolean.class).single();
  }

  /** How a cache of days rolls up into its months: the statements, with {@code %s} the filter. */
  private record RollUp(String table, String delete, String insert) {}

  private static final RollUp COUPLE_MONTHS =
      new RollUp(
          "couple_month",
          "delete from reporting.couple_month where %s",
          """
          insert into reporting.couple_month (month, region_path, applications, counseled,
              reconciled, high_risk, counseled_targets, followed6, durable6, followed12, durable12)
          select date_trunc('month', received_on)::date, region_path, sum(applications),
                 sum(counseled), sum(reconciled), sum(high_risk), sum(counseled_targets),
                 sum(followed6), sum(durable6), sum(followed12), sum(durable12)
            from reporting.couple_day
           where %s
           group by 1, 2""");

  private static final RollUp CASE_MONTHS =
      new RollUp(
          "case_month",
          "delete from reporting.case_month where %s",
          """
          insert into reporting.case_month (month, region_path, measure, item, cases, high_risk)
          select date_trunc('month', day)::date, region_path, measure, item, sum(cases),
                 sum(high_risk)
            from reporting.case_day
           where %s
           group by 1, 2, 3, 4""");

  /**
   * Replaces the months of these days (all months when null) by the sums of their days: the month
   * rows are only ever made from the day rows, in the refresh's transaction.
   */
  private void rollUp(RollUp r, Collection<LocalDate> days) {
    String dayColumn = r == COUPLE_MONTHS ? "received_on" : "day";
    if (days == null) {
      jdbc.sql(r.delete().formatted("true")).update();
      jdbc.sql(r.insert().formatted("true")).update();
      return;
    }
    if (days.isEmpty()) {
      return;
    }
    String[] months =
        days.stream().map(d -> d.withDayOfMonth(1).toString()).distinct().toArray(String[]::new);
    jdbc.sql(r.delete().formatted("month = any(cast(:months as date[]))"))
        .param("months", months)
        .update();
    jdbc.sql(
            r.insert()
                .formatted(
                    "date_trunc('month', " + dayColumn + ")::date = any(cast(:months as date[]))"))
        .param("months", months)
        .update();
  }

  /**
   * A period cut into its whole months and the days before and after them: {@code [monthFrom,
   * monthTo]} (first days of months; empty when from is after to) and the two ends {@code
   * [headFrom, headTo]}, {@code [tailFrom, tailTo]} (each possibly empty).
   */
  record Span(
      LocalDate monthFrom,
      LocalDate monthTo,
      LocalDate headFrom,
      LocalDate headTo,
      LocalDate tailFrom,
      LocalDate tailTo) {

    /** The span's dates and the scope's pattern, as named parameters of the sums. */
    Map<String, Object> withScope(DataScope scope) {
      return Map.of(
          "scope", scope.likePattern(),
          "monthFrom", monthFrom,
          "monthTo", monthTo,
          "headFrom", headFrom,
          "headTo", headTo,
          "tailFrom", tailFrom,
          "tailTo", tailTo);
    }

    static Span of(LocalDate from, LocalDate to) {
      LocalDate firstFull = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
      LocalDate lastFullEnd =
          to.getDayOfMonth() == to.lengthOfMonth() ? to : to.withDayOfMonth(1).minusDays(1);
      if (firstFull.isAfter(lastFullEnd)) {
        return new Span(to.plusDays(1), to, from, to, to.plusDays(1), to);
      }
      return new Span(
          firstFull,
          lastFullEnd.withDayOfMonth(1),
          from,
          firstFull.minusDays(1),
          lastFullEnd.plusDays(1),
          to);
    }
  }

  /** Replaces casework's counts of these days, a batch of days at a time. */
  private void recomputeCases(Collection<LocalDate> days) {
    List<LocalDate> sorted = new ArrayList<>(new TreeSet<>(days));
    for (int i = 0; i < sorted.size(); i += DAYS_PER_BATCH) {
      List<LocalDate> batch = sorted.subList(i, Math.min(sorted.size(), i + DAYS_PER_BATCH));
      Map<LocalDate, CaseCounts> counts = cases.countsOn(batch);
      jdbc.sql("delete from reporting.case_day where day = any(cast(:days as date[]))")
          .param("days", batch.stream().map(LocalDate::toString).toArray(String[]::new))
          .update();
      List<Object[]> rows = new ArrayList<>();
      counts.forEach(
          (day, c) -> {
            Date d = Date.valueOf(day);
            c.stages()
                .forEach(
                    x ->
                        rows.add(
                            new Object[] {
                              d, x.regionPath(), "STAGE", x.stage().name(), x.cases(), x.highRisk()
                            }));
            c.categories()
                .forEach(
                    x ->
                        rows.add(
                            new Object[] {
                              d, x.regionPath(), "CATEGORY", x.category(), x.cases(), 0
                            }));
            c.referrals()
                .forEach(
                    x ->
                        rows.add(
                            new Object[] {
                              d, x.regionPath(), "REFERRAL", x.kind().name(), x.referrals(), 0
                            }));
          });
      template.batchUpdate(
          """
          insert into reporting.case_day (day, region_path, measure, item, cases, high_risk)
          values (?, ?, ?, ?, ?, ?)""",
          rows);
    }
  }

  /**
   * Casework's counts of the scope from {@code from} to {@code to} (cases by the day opened,
   * referrals by the day made): what {@link CaseFigures#counts} answers for the same period, as of
   * the last {@link #refresh}.
   */
  @Transactional(readOnly = true)
  public CaseCounts sumCases(DataScope scope, LocalDate from, LocalDate to) {
    List<CaseCounts.StageCount> stages = new ArrayList<>();
    List<CaseCounts.CategoryCount> categories = new ArrayList<>();
    List<CaseCounts.ReferralCount> referrals = new ArrayList<>();
    jdbc.sql(
            """
            select region_path, measure, item, sum(cases) as cases, sum(high_risk) as high_risk
              from (select region_path, measure, item, cases, high_risk
                      from reporting.case_month
                     where region_path like :scope and month between :monthFrom and :monthTo
                    union all
                    select region_path, measure, item, cases, high_risk
                      from reporting.case_day
                     where region_path like :scope
                       and (day between :headFrom and :headTo or day between :tailFrom and :tailTo)) x
             group by 1, 2, 3""")
        .params(Span.of(from, to).withScope(scope))
        .query(
            rs -> {
              String path = rs.getString("region_path");
              String item = rs.getString("item");
              long n = rs.getLong("cases");
              switch (rs.getString("measure")) {
                case "STAGE" ->
                    stages.add(
                        new CaseCounts.StageCount(
                            path, CaseStage.valueOf(item), n, rs.getLong("high_risk")));
                case "CATEGORY" -> categories.add(new CaseCounts.CategoryCount(path, item, n));
                default ->
                    referrals.add(
                        new CaseCounts.ReferralCount(path, SafetyReferralKind.valueOf(item), n));
              }
            });
    return new CaseCounts(stages, categories, referrals);
  }

  /** Replaces the rows of these days, a batch of days at a time. */
  private void recompute(Collection<LocalDate> days) {
    List<LocalDate> sorted = new ArrayList<>(new TreeSet<>(days));
    for (int i = 0; i < sorted.size(); i += DAYS_PER_BATCH) {
      List<LocalDate> batch = sorted.subList(i, Math.min(sorted.size(), i + DAYS_PER_BATCH));
      List<ApplicationFact> facts = applications.receivedOnDays(batch);
      var counseling = cases.counselingOf(facts.stream().map(ApplicationFact::id).toList());
      var cells = CoupleCount.count(facts, counseling, day -> day);
      jdbc.sql("delete from reporting.couple_day where received_on = any(cast(:days as date[]))")
          .param("days", batch.stream().map(LocalDate::toString).toArray(String[]::new))
          .update();
      List<Object[]> rows = new ArrayList<>(cells.size());
      for (Map.Entry<CoupleCount.Cell<LocalDate>, CoupleCount.Counter> e : cells.entrySet()) {
        long[] n = e.getValue().n;
        rows.add(
            new Object[] {
              Date.valueOf(e.getKey().when()),
              e.getKey().path(),
              n[0],
              n[1],
              n[2],
              n[3],
              n[4],
              n[5],
              n[6],
              n[7],
              n[8]
            });
      }
      template.batchUpdate(
          """
          insert into reporting.couple_day (received_on, region_path, applications, counseled,
              reconciled, high_risk, counseled_targets, followed6, durable6, followed12, durable12)
          values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
          rows);
    }
  }

  /**
   * The couples of the scope received from {@code from} to {@code to}, by region path and month:
   * what {@link CoupleCount#tally} makes of the same applications, as of the last {@link #refresh}.
   */
  @Transactional(readOnly = true)
  public List<CoupleCount> sum(DataScope scope, LocalDate from, LocalDate to) {
    return jdbc.sql(
            """
            select region_path, month,
                   sum(applications) as applications, sum(counseled) as counseled,
                   sum(reconciled) as reconciled, sum(high_risk) as high_risk,
                   sum(counseled_targets) as counseled_targets,
                   sum(followed6) as followed6, sum(durable6) as durable6,
                   sum(followed12) as followed12, sum(durable12) as durable12
              from (select region_path, month, applications, counseled, reconciled, high_risk,
                           counseled_targets, followed6, durable6, followed12, durable12
                      from reporting.couple_month
                     where region_path like :scope and month between :monthFrom and :monthTo
                    union all
                    select region_path, date_trunc('month', received_on)::date, applications,
                           counseled, reconciled, high_risk, counseled_targets, followed6,
                           durable6, followed12, durable12
                      from reporting.couple_day
                     where region_path like :scope
                       and (received_on between :headFrom and :headTo
                            or received_on between :tailFrom and :tailTo)) x
             group by 1, 2
             order by region_path collate "C", 2""")
        .params(Span.of(from, to).withScope(scope))
        .query(
            (rs, n) ->
                new CoupleCount(
                    rs.getString("region_path"),
                    YearMonth.from(rs.getObject("month", LocalDate.class)),
                    rs.getLong("applications"),
                    rs.getLong("counseled"),
                    rs.getLong("reconciled"),
                    rs.getLong("high_risk"),
                    rs.getLong("counseled_targets"),
                    rs.getLong("followed6"),
                    rs.getLong("durable6"),
                    rs.getLong("followed12"),
                    rs.getLong("durable12")))
        .list();
  }
}
