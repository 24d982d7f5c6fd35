package org.huhang.shared.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.huhang.HuhangApplication;
import org.huhang.reporting.Figures;
import org.huhang.reporting.RegionFigures;
import org.huhang.reporting.Reporting;
import org.huhang.reporting.StatsSummary;
import org.huhang.shared.Actor;
import org.huhang.shared.LegalTime;
import org.huhang.shared.Role;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 13 "Data at scale": {@code -Dscale} (default 10) cities like Binzhou in the city 371600
 * (the region tree has no province above it), written through the history's own steps ({@link
 * HistoryStep#load(HistoryStep.Progress, int)}: counselor accounts, volunteers and events through
 * their registry and import, applications through the staged import one county and year per file,
 * cases with screenings, sessions, safety plans and follow-ups built by the aggregate and written in
 * JDBC batches of whole days). The plan is {@link BinzhouHistory#couples(int)}: fixed seed, figures
 * exactly {@code scale} times the published ones. Progress every few seconds (rows done, rows/s),
 * then the generator's own speed per table.
 *
 * <p>Then the targets: the city's summary 2018-01-01..2023-09-30 ({@link Reporting#summary}) and
 * beside it the same three figures per county computed by PostgreSQL in one SQL over the same rows
 * (the rules of reporting's CoupleRules), each {@code -Dwarmup} times unmeasured then {@code -Druns}
 * measured, p50/p95, their ratio, and both sets of figures (which must be equal).
 *
 * <p>{@code -Ddir=/tmp/huhang-scale10} keeps the database there (a second run finds the data and
 * only measures); without it a throw-away one. Run with bench/run-scale.sh.
 */
public final class ScaleBenchmark {

  private static final Map<String, List<String>> TABLES = new LinkedHashMap<>();

  static {
    TABLES.put("history.step.counselors", List.of("identity.app_user"));
    TABLES.put(
        "history.step.volunteers",
        List.of("volunteer.volunteer", "volunteer.qualification", "volunteer.hours"));
    TABLES.put(
        "history.step.events", List.of("outreach.outreach_event", "outreach.event_speaker"));
    TABLES.put("history.step.applications", List.of("registration.divorce_application"));
    TABLES.put(
        "history.step.cases",
        List.of(
            "casework.counseling_case",
            "casework.case_party",
            "casework.consent",
            "casework.team_member",
            "casework.screening",
            "casework.session",
            "casework.safety_plan",
            "casework.safety_referral",
            "casework.follow_up"));
  }

  /**
   * The plain aggregate: applications, counseled, reconciled per county, as CoupleRules says
   * (counseled = a HELD session on or before the outcome day, any when pending; reconciled =
   * counseled, the case not HIGH risk, the couple stayed married).
   */
  static final String PLAIN =
      """
      select split_part(a.region_path, '/', 3) as county,
             count(*) as applications,
             count(*) filter (where h.counseled) as counseled,
             count(*) filter (where h.counseled and not h.high
                and a.outcome in ('WITHDRAWN', 'DEEMED_WITHDRAWN', 'CANCELLED_OR_POSTPONED')) as reconciled
        from registration.divorce_application a
        left join lateral (
             select c.risk = 'HIGH' as high,
                    exists (select 1 from casework.session s
                             where s.case_id = c.id and s.status = 'HELD'
                               and (a.outcome = 'PENDING' or a.outcome_on is null
                                    or (s.scheduled_at at time zone ?)::date <= a.outcome_on)) as counseled
               from casework.counseling_case c
              where c.application_id = a.id) h on true
       where a.region_path like ? and a.received_on between ? and ?
       group by 1 order by 1""";

  /** The same with the held sessions aggregated first: PostgreSQL picks hash joins. */
  static final String PLAIN_HASH =
      """
      with held as (
        select case_id, min((scheduled_at at time zone ?)::date) as first_held
          from casework.session where status = 'HELD' group by case_id)
      select split_part(a.region_path, '/', 3) as county,
             count(*) as applications,
             count(*) filter (where h.first_held is not null
                and (a.outcome = 'PENDING' or a.outcome_on is null or h.first_held <= a.outcome_on)) as counseled,
             count(*) filter (where h.first_held is not null
                and (a.outcome = 'PENDING' or a.outcome_on is null or h.first_held <= a.outcome_on)
                and c.risk <> 'HIGH'
                and a.outcome in ('WITHDRAWN', 'DEEMED_WITHDRAWN', 'CANCELLED_OR_POSTPONED')) as reconciled
        from registration.divorce_application a
        left join casework.counseling_case c on c.application_id = a.id
        left join held h on h.case_id = c.id
       where a.region_path like ? and a.received_on between ? and ?
       group by 1 order by 1""";

  public static void main(String[] args) throws Exception {
    int scale = Integer.getInteger("scale", 10);
    int warmup = Integer.getInteger("warmup", 10);
    int runs = Integer.getInteger("runs", 30);
    String kept = System.getProperty("dir");
    Path dir = kept != null ? Path.of(kept) : Files.createTempDirectory("huhang-scale-");
    Files.createDirectories(dir);
    long t0 = System.nanoTime();
    try (ConfigurableApplicationContext app =
        new SpringApplicationBuilder(HuhangApplication.class)
            .run(
                java.util.stream.Stream.concat(
                        java.util.stream.Stream.of(
                            "--server.port=0",
                            "--huhang.embedded-database.data-directory=" + dir.resolve("postgres"),
                            "--huhang.embedded-database.clean-on-close=" + (kept == null),
                            "--huhang.data-key-file=" + dir.resolve("data.key"),
                            "--huhang.demo-history-background=false",
                            "--logging.level.root=WARN"),
                        // -Dargs="--a=b --c=d": more of Spring's arguments (e.g. a database kept
                        // from an older branch: --spring.flyway.ignore-migration-patterns=*:missing)
                        java.util.Arrays.stream(System.getProperty("args", "").split(" "))
                            .filter(a -> !a.isBlank()))
                    .toArray(String[]::new))) {
      System.out.printf(
          "started in %.1f s (database in %s)%n", (System.nanoTime() - t0) / 1e9, dir);
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      generate(app, jdbc, scale);
      // What autovacuum does to freshly written tables a little later: statistics, and the
      // visibility map that lets the figures read their indexes only.
      jdbc.execute("vacuum analyze");
      measure(app, jdbc, scale, warmup, runs);
    }
  }

  private static void generate(ConfigurableApplicationContext app, JdbcTemplate jdbc, int scale) {
    System.out.printf(
        "generating %d× Binzhou: %,d applications, %,d counseled, %,d reconciled, %,d volunteers,"
            + " %,d events (fixed seed)%n",
        scale,
        BinzhouHistory.APPLICATIONS * scale,
        BinzhouHistory.COUNSELED * scale,
        BinzhouHistory.RECONCILED * scale,
        BinzhouHistory.VOLUNTEERS * scale,
        BinzhouHistory.EVENTS * scale);
    long p = System.nanoTime();
    int planned = BinzhouHistory.couples(scale).size();
    System.out.printf("plan of %,d couples built in %.1f s%n", planned, (System.nanoTime() - p) / 1e9);
    List<HistoryStep> steps =
        app.getBeansOfType(HistoryStep.class).values().stream()
            .sorted(Comparator.comparingInt(HistoryStep::order))
            .toList();
    Map<String, long[]> perTable = new LinkedHashMap<>(); // rows written, nanos of its step
    long all = System.nanoTime();
    for (HistoryStep step : steps) {
      List<String> tables = TABLES.getOrDefault(step.labelKey(), List.of());
      Map<String, Long> before = counts(jdbc, tables);
      long start = System.nanoTime();
      long[] lastPrint = {start};
      step.load(
          fraction -> {
            long now = System.nanoTime();
            if (now - lastPrint[0] < 5_000_000_000L || fraction >= 1) {
              return;
            }
            lastPrint[0] = now;
            long rows = sum(counts(jdbc, tables)) - sum(before);
            double s = (now - start) / 1e9;
            System.out.printf(
                "  %-28s %3.0f %%  %,10d rows  %,8.0f rows/s  %6.1f s%n",
                step.labelKey(), fraction * 100, rows, rows / s, s);
          },
          scale);
      long nanos = System.nanoTime() - start;
      Map<String, Long> after = counts(jdbc, tables);
      long rows = sum(after) - sum(before);
      System.out.printf(
          "  %-28s done: %,10d rows in %6.1f s = %,8.0f rows/s%n",
          step.labelKey(), rows, nanos / 1e9, rows / (nanos / 1e9));
      for (String t : tables) {
        perTable.put(t, new long[] {after.get(t) - before.get(t), nanos});
      }
    }
    long total = System.nanoTime() - all;
    System.out.println("generator speed per table (rows of the table / time of its step):");
    long rows = 0;
    for (var e : perTable.entrySet()) {
      long n = e.getValue()[0];
      rows += n;
      double s = e.getValue()[1] / 1e9;
      System.out.printf(
          "  %-34s %,10d rows  %,9.0f rows/s%n", e.getKey(), n, s > 0 ? n / s : 0);
    }
    System.out.printf(
        "  %-34s %,10d rows  %,9.0f rows/s (%.1f s)%n",
        "total", rows, rows / (total / 1e9), total / 1e9);
    Map<String, Long> now =
        counts(jdbc, TABLES.values().stream().flatMap(List::stream).toList());
    System.out.println("rows now in the database:");
    now.forEach((t, n) -> System.out.printf("  %-34s %,10d%n", t, n));
  }

  private static void measure(
      ConfigurableApplicationContext app, JdbcTemplate jdbc, int scale, int warmup, int runs) {
    Reporting reporting = app.getBean(Reporting.class);
    Actor admin =
        new Actor(null, "bench-admin", "bench", Role.CITY_ADMIN, "371600", "滨州市", "/371600/");
    LocalDate from = BinzhouHistory.FROM;
    LocalDate to = BinzhouHistory.TO;
    Object[] params = {LegalTime.ZONE.getId(), "/" + BinzhouHistory.CITY + "/%", from, to};

    if (Boolean.getBoolean("explain")) {
      System.out.println("EXPLAIN of the plain SQL:");
      jdbc.query(
          "explain " + PLAIN_HASH,
          (org.springframework.jdbc.core.RowCallbackHandler)
              rs -> System.out.println("  " + rs.getString(1)),
          params);
      parts(app, 1);
    }
    if (Boolean.getBoolean("rebuild")) {
      // As a TRUNCATE would: the caches of days and months are built again from every row.
      jdbc.update("insert into kernel.figure_change (everything) values (true)");
    }
    long first = System.nanoTime();
    StatsSummary s = reporting.summary("371600", from, to, admin);
    System.out.printf(
        "first summary (brings the cache of days up to date, a whole build on a database that"
            + " has none): %.1f s%n",
        (System.nanoTime() - first) / 1e9);
    for (int i = 0; i < warmup; i++) {
      s = reporting.summary("371600", from, to, admin);
    }
    double[] summary = new double[runs];
    for (int i = 0; i < runs; i++) {
      long t = System.nanoTime();
      s = reporting.summary("371600", from, to, admin);
      summary[i] = (System.nanoTime() - t) / 1e6;
    }
    Map<String, long[]> fromSummary = new TreeMap<>();
    for (RegionFigures c : s.byCounty()) {
      fromSummary.put(c.regionCode(), triple(c.figures()));
    }
    fromSummary.put("city", triple(s.figures()));

    Map<String, double[]> plainTimes = new LinkedHashMap<>();
    Map<String, Map<String, long[]>> plainFigures = new LinkedHashMap<>();
    Map<String, String> plains = new LinkedHashMap<>();
    plains.put("hash", PLAIN_HASH);
    if (Boolean.getBoolean("lateral")) {
      // Per application an index probe into cases and sessions: seconds at 10×, never the faster.
      plains.put("lateral", PLAIN);
    }
    for (var q : plains.entrySet()) {
      Map<String, long[]> figures = null;
      for (int i = 0; i < warmup; i++) {
        figures = plain(jdbc, q.getValue(), params);
      }
      double[] ms = new double[runs];
      for (int i = 0; i < runs; i++) {
        long t = System.nanoTime();
        figures = plain(jdbc, q.getValue(), params);
        ms[i] = (System.nanoTime() - t) / 1e6;
      }
      plainTimes.put(q.getKey(), ms);
      plainFigures.put(q.getKey(), figures);
    }

    System.out.printf(
        "%nfigures 2018-01-01..2023-09-30 at %d× (applications / counseled / reconciled):%n", scale);
    boolean same = true;
    for (var e : fromSummary.entrySet()) {
      long[] a = e.getValue();
      StringBuilder line =
          new StringBuilder(
              String.format("  %-7s summary %,8d %,8d %,8d", e.getKey(), a[0], a[1], a[2]));
      for (var p : plainFigures.entrySet()) {
        long[] b = p.getValue().get(e.getKey());
        line.append(
            String.format("   plain-%s %,8d %,8d %,8d", p.getKey(), b[0], b[1], b[2]));
        same &= Arrays.equals(a, b);
      }
      System.out.println(line);
    }
    System.out.printf(
        "  rates: counseling %s %%, reconciliation %s %%; the same figures: %s%n",
        s.figures().counselingRate(), s.figures().reconciliationRate(), same ? "YES" : "NO");

    double sp50 = pct(summary, 50);
    double sp95 = pct(summary, 95);
    System.out.printf(
        "%nsummary (Reporting.summary, city, %d runs after %d warm-up): p50 %.1f ms, p95 %.1f ms"
            + " (target p95 < 100 ms)%n",
        runs, warmup, sp50, sp95);
    String best = null;
    for (var e : plainTimes.entrySet()) {
      double p50 = pct(e.getValue(), 50);
      System.out.printf(
          "plain SQL (%s, JDBC): p50 %.1f ms, p95 %.1f ms%n",
          e.getKey(), p50, pct(e.getValue(), 95));
      if (best == null || p50 < pct(plainTimes.get(best), 50)) {
        best = e.getKey();
      }
    }
    double pp50 = pct(plainTimes.get(best), 50);
    double pp95 = pct(plainTimes.get(best), 95);
    parts(app, runs);
    System.out.printf(
        "ratio summary / plain SQL (the faster, %s): p50 %.2f×, p95 %.2f× (target ≤ 2×)%n",
        best, sp50 / pp50, sp95 / pp95);
  }

  /**
   * Where the time goes: the per-application path (the summary before issue 13: the facts query,
   * counselingOf, the tally in Java) against the couples summed from the cache of days
   * (FigureBook.counts, what the summary reads now, with the other modules' counts), with the
   * figures of both compared.
   */
  private static void parts(ConfigurableApplicationContext app, int runs) {
    var applications = app.getBean(org.huhang.registration.DivorceApplications.class);
    var cases = app.getBean(org.huhang.casework.CaseFigures.class);
    var book = app.getBean(org.huhang.reporting.internal.FigureBook.class);
    var scope = new org.huhang.shared.DataScope("/" + BinzhouHistory.CITY + "/");
    LocalDate from = BinzhouHistory.FROM;
    LocalDate to = BinzhouHistory.TO;
    int n = Math.max(5, runs / 3);
    double[] facts = new double[n];
    double[] counseling = new double[n];
    double[] tally = new double[n];
    double[] read = new double[n];
    double[] counts = new double[n];
    double[] caseCounts = new double[n];
    List<org.huhang.reporting.internal.CoupleCount> slow = null;
    List<org.huhang.reporting.internal.CoupleCount> fast = null;
    for (int i = 0; i < n; i++) {
      long t = System.nanoTime();
      var received = applications.receivedIn(scope, from, to);
      facts[i] = (System.nanoTime() - t) / 1e6;
      t = System.nanoTime();
      var c =
          cases.counselingOf(
              received.stream().map(org.huhang.registration.ApplicationFact::id).toList());
      counseling[i] = (System.nanoTime() - t) / 1e6;
      t = System.nanoTime();
      slow = org.huhang.reporting.internal.CoupleCount.tally(received, c);
      tally[i] = (System.nanoTime() - t) / 1e6;
      t = System.nanoTime();
      book.read(scope, from, to);
      read[i] = (System.nanoTime() - t) / 1e6;
      t = System.nanoTime();
      fast = book.counts(scope, from, to).couples();
      counts[i] = (System.nanoTime() - t) / 1e6;
      t = System.nanoTime();
      cases.counts(scope, from, to);
      caseCounts[i] = (System.nanoTime() - t) / 1e6;
    }
    System.out.printf(
        "per-application path (p50 of %d): facts query %.1f ms, counselingOf %.1f ms, tally in"
            + " Java %.1f ms; FigureBook.read (all of it, with the other counts) %.1f ms%n",
        n, pct(facts, 50), pct(counseling, 50), pct(tally, 50), pct(read, 50));
    System.out.printf(
        "from the cache of days: FigureBook.counts %.1f ms (p50; of which casework's case"
            + " counts %.1f ms), %,d cells; the same counts as the per-application path: %s%n",
        pct(counts, 50), pct(caseCounts, 50), fast.size(), new java.util.HashSet<>(fast).equals(new java.util.HashSet<>(slow)) ? "YES" : "NO");
  }

  private static long[] triple(Figures f) {
    return new long[] {f.applications(), f.counseled(), f.reconciled()};
  }

  /**
   * Runs the plain SQL with its values written in, as psql would: with bind parameters the driver
   * prepares it on the server after five runs and PostgreSQL may switch to a generic plan that
   * takes minutes (seen at 1×). The values are the benchmark's own constants, never input.
   */
  private static Map<String, long[]> plain(JdbcTemplate jdbc, String sql, Object[] params) {
    for (Object p : params) {
      String literal = p instanceof LocalDate d ? "date '" + d + "'" : "'" + p + "'";
      sql = sql.replaceFirst("\\?", java.util.regex.Matcher.quoteReplacement(literal));
    }
    params = new Object[0];
    Map<String, long[]> out = new TreeMap<>();
    long[] city = new long[3];
    jdbc.query(
        sql,
        rs -> {
          long[] f = {rs.getLong("applications"), rs.getLong("counseled"), rs.getLong("reconciled")};
          out.put(rs.getString("county"), f);
          for (int i = 0; i < 3; i++) {
            city[i] += f[i];
          }
        },
        params);
    out.put("city", city);
    return out;
  }

  private static double pct(double[] ms, int p) {
    double[] sorted = ms.clone();
    Arrays.sort(sorted);
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  private static Map<String, Long> counts(JdbcTemplate jdbc, List<String> tables) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (String t : tables) {
      out.put(t, jdbc.queryForObject("select count(*) from " + t, Long.class));
    }
    return out;
  }

  private static long sum(Map<String, Long> counts) {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }

  private ScaleBenchmark() {}
}
