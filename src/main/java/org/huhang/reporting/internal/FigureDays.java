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
 * The couples' figures kept per region path and received day ({@code reporting.couple_day}, V32): a
 * cache of {@link CoupleCount#count}, so that a period's figures are a sum of a few thousand rows
 * whatever the number of applications (ten times Binzhou: 440,000; a province: millions).
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

  /** Days recomputed per round trip: a month of a city's applications. */
  private static final int DAYS_PER_BATCH = 31;

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
   * query) when no mark waits. Runs in a read-write transaction of its own, on the primary.
   */
  @Transactional
  public void refresh() {
    if (built("built_at") && built("cases_built_at") && !changes.pending()) {
      return;
    }
    jdbc.sql("select pg_advisory_xact_lock(:lock)").param("lock", LOCK).query((rs, n) -> 1).list();
    // Read again under the lock: another refresh may just have done the work.
    boolean couplesBuilt = built("built_at");
    boolean casesBuilt = built("cases_built_at");
    FigureChanges.Marks marks = changes.drain();
    if (!couplesBuilt || marks.everything()) {
      long started = System.nanoTime();
      jdbc.sql("delete from reporting.couple_day").update();
      List<LocalDate> days = applications.receivedDays();
      recompute(days);
      jdbc.sql("update reporting.couple_day_build set built_at = now()").update();
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
    }
    if (!casesBuilt || marks.everything()) {
      long started = System.nanoTime();
      jdbc.sql("delete from reporting.case_day").update();
      List<LocalDate> days = cases.countDays();
      recomputeCases(days);
      jdbc.sql("update reporting.couple_day_build set cases_built_at = now()").update();
      log.info(
          "Casework's figures by day built: {} days in {} ms",
          days.size(),
          (System.nanoTime() - started) / 1_000_000);
    } else if (!marks.caseDays().isEmpty()) {
      recomputeCases(marks.caseDays());
    }
  }

  private boolean built(String column) {
    return jdbc.sql("select " + column + " is not null from reporting.couple_day_build")
        .query(Boolean.class)
        .single();
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
              from reporting.case_day
             where region_path like :scope and day between :from and :to
             group by 1, 2, 3""")
        .param("scope", scope.likePattern())
        .param("from", from)
        .param("to", to)
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
            select region_path, date_trunc('month', received_on)::date as month,
                   sum(applications) as applications, sum(counseled) as counseled,
                   sum(reconciled) as reconciled, sum(high_risk) as high_risk,
                   sum(counseled_targets) as counseled_targets,
                   sum(followed6) as followed6, sum(durable6) as durable6,
                   sum(followed12) as followed12, sum(durable12) as durable12
              from reporting.couple_day
             where region_path like :scope and received_on between :from and :to
             group by 1, 2
             order by region_path collate "C", 2""")
        .param("scope", scope.likePattern())
        .param("from", from)
        .param("to", to)
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
