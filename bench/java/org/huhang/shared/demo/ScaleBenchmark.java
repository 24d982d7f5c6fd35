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
 * Issue 13 "Data at scale": {@code -Dscale} (default 10) cities like Binzhou in the city 371600, or
 * with {@code -Dprovince=true} Shandong's sixteen cities ({@link #SHANDONG}, 57 times Binzhou in
 * all, each city created in the region tree with a center per county), written through the history's own steps ({@link
 * HistoryStep#load(HistoryStep.Progress, int, HistoryCity)}: counselor accounts, volunteers and events through
 * their registry and import, applications through the staged import one county and year per file,
 * cases with screenings, sessions, safety plans and follow-ups built by the aggregate and written in
 * JDBC batches of whole days). The plan is {@link BinzhouHistory#couples(HistoryCity, int)}: fixed
 * seed, figures exactly {@code scale} times the published ones in every city. Progress every few seconds (rows done, rows/s),
 * then the generator's own speed per table.
 *
 * <p>Then the targets: with {@code -Dprovince=true} first the province's summary by city, read by an
 * analyst placed at the province; then the city's summary 2018-01-01..2023-09-30 ({@link
 * Reporting#summary}); beside each the same three figures per child region computed by PostgreSQL in one SQL over the same rows
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
      select split_part(a.region_path, '/', %d) as county,
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
      select split_part(a.region_path, '/', %d) as county,
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

  /**
   * Shandong's sixteen cities with their multiple of Binzhou's volume (by population, 2020 census,
   * 57 in all: 2,504,922 applications). Their seven counties are shaped like Binzhou's and named
   * for the benchmark (济南一区…); the codes keep GB/T 2260's form (the city's four digits and
   * Binzhou's county suffixes). Binzhou is the real one.
   */
  static final List<String[]> SHANDONG =
      List.of(
          new String[] {"370100", "济南市", "5"},
          new String[] {"370200", "青岛市", "6"},
          new String[] {"370300", "淄博市", "3"},
          new String[] {"370400", "枣庄市", "2"},
          new String[] {"370500", "东营市", "1"},
          new String[] {"370600", "烟台市", "4"},
          new String[] {"370700", "潍坊市", "5"},
          new String[] {"370800", "济宁市", "5"},
          new String[] {"370900", "泰安市", "3"},
          new String[] {"371000", "威海市", "2"},
          new String[] {"371100", "日照市", "2"},
          new String[] {"371300", "临沂市", "6"},
          new String[] {"371400", "德州市", "3"},
          new String[] {"371500", "聊城市", "3"},
          new String[] {"371600", "滨州市", "2"},
          new String[] {"371700", "菏泽市", "5"});

  private static final String[] COUNTY_NAMES = {"一区", "二区", "一县", "二县", "三县", "四县", "一市"};

  record PlannedCity(HistoryCity city, int scale) {}

  /** The province's cities: Binzhou as it is, the others created in the region tree with centers. */
  static List<PlannedCity> province(ConfigurableApplicationContext app) {
    var regions = app.getBean(org.huhang.region.Regions.class);
    var centers = app.getBean(org.huhang.center.Centers.class);
    List<PlannedCity> cities = new java.util.ArrayList<>();
    for (String[] c : SHANDONG) {
      String code = c[0];
      int scale = Integer.parseInt(c[2]);
      if (code.equals(BinzhouHistory.CITY)) {
        cities.add(new PlannedCity(HistoryCity.BINZHOU, scale));
        continue;
      }
      regions.ensure(HistoryCity.PROVINCE, code, c[1]);
      List<String> counties = new java.util.ArrayList<>();
      String shortName = c[1].substring(0, c[1].length() - 1);
      for (int k = 0; k < BinzhouHistory.COUNTIES.size(); k++) {
        String county = code.substring(0, 4) + BinzhouHistory.COUNTIES.get(k).substring(4);
        regions.ensure(code, county, shortName + COUNTY_NAMES[k]);
        counties.add(county);
      }
      HistoryCity city = new HistoryCity(code, c[1], counties, Long.parseLong(code) * 7919);
      Actor admin =
          new Actor(null, "bench-" + code, "bench", Role.CITY_ADMIN, code, c[1], city.path());
      java.util.Set<String> withCenter =
          centers.all().stream()
              .filter(v -> v.kind() == org.huhang.center.CenterKind.CENTER)
              .map(org.huhang.center.CenterView::regionCode)
              .collect(java.util.stream.Collectors.toSet());
      for (String county : counties) {
        if (!withCenter.contains(county)) {
          String name = regions.find(county).orElseThrow().name();
          centers.create(
              new org.huhang.center.SaveCenter(
                  org.huhang.center.CenterKind.CENTER,
                  name + "婚姻家庭辅导中心",
                  county,
                  name + "人民路1号",
                  null,
                  "周一至周五 9:00-17:00",
                  20,
                  null,
                  org.huhang.center.CenterStatus.OPEN),
              admin);
        }
      }
      cities.add(new PlannedCity(city, scale));
    }
    return cities;
  }

  public static void main(String[] args) throws Exception {
    int scale = Integer.getInteger("scale", 10);
    boolean province = Boolean.getBoolean("province");
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
      List<PlannedCity> cities =
          province ? province(app) : List.of(new PlannedCity(HistoryCity.BINZHOU, scale));
      long generation = System.nanoTime();
      long rowsBefore = sum(counts(jdbc, TABLES.values().stream().flatMap(List::stream).toList()));
      for (PlannedCity c : cities) {
        generate(app, jdbc, c.scale(), c.city());
      }
      if (cities.size() > 1) {
        long rows =
            sum(counts(jdbc, TABLES.values().stream().flatMap(List::stream).toList())) - rowsBefore;
        double s = (System.nanoTime() - generation) / 1e9;
        System.out.printf(
            "province generated: %d cities, %,d rows in %.1f s = %,.0f rows/s%n",
            cities.size(), rows, s, rows / s);
      }
      // What autovacuum does to freshly written tables a little later: statistics, and the
      // visibility map that lets the figures read their indexes only.
      long v = System.nanoTime();
      jdbc.execute("vacuum analyze");
      System.out.printf("vacuum analyze %.1f s%n", (System.nanoTime() - v) / 1e9);
      Actor admin =
          new Actor(
              null,
              "bench-admin",
              "bench",
              Role.CITY_ADMIN,
              BinzhouHistory.CITY,
              "滨州市",
              BinzhouHistory.CITY_PATH);
      if (province) {
        Actor analyst =
            new Actor(
                null, "bench-analyst", "bench", Role.ANALYST, HistoryCity.PROVINCE, "山东省",
                "/" + HistoryCity.PROVINCE + "/");
        measure(app, jdbc, "province", HistoryCity.PROVINCE, analyst, 3, 300, warmup, runs);
      }
      measure(app, jdbc, "city", BinzhouHistory.CITY, admin, 4, 100, warmup, runs);
    }
  }

  private static void generate(
      ConfigurableApplicationContext app, JdbcTemplate jdbc, int scale, HistoryCity city) {
    System.out.printf(
        "generating %s %s at %d× Binzhou: %,d applications, %,d counseled, %,d reconciled, %,d"
            + " volunteers, %,d events (fixed seed)%n",
        city.code(),
        city.name(),
        scale,
        BinzhouHistory.APPLICATIONS * scale,
        BinzhouHistory.COUNSELED * scale,
        BinzhouHistory.RECONCILED * scale,
        BinzhouHistory.VOLUNTEERS * scale,
        BinzhouHistory.EVENTS * scale);
    long p = System.nanoTime();
    int planned = BinzhouHistory.couples(city, scale).size();
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
          scale,
          city);
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

  /**
   * One region's summary against the plain aggregate grouped by its children ({@code part}: the
   * path's part that names them, 3 for a province's cities, 4 for a city's counties).
   */
  private static void measure(
      ConfigurableApplicationContext app,
      JdbcTemplate jdbc,
      String label,
      String code,
      Actor admin,
      int part,
      int targetMs,
      int warmup,
      int runs) {
    Reporting reporting = app.getBean(Reporting.class);
    LocalDate from = BinzhouHistory.FROM;
    LocalDate to = BinzhouHistory.TO;
    Object[] params = {LegalTime.ZONE.getId(), admin.scope().likePattern(), from, to};
    String plainHash = PLAIN_HASH.formatted(part);
    String plainLateral = PLAIN.formatted(part);

    if (Boolean.getBoolean("explain")) {
      System.out.println("EXPLAIN of the plain SQL:");
      jdbc.query(
          "explain " + plainHash,
          (org.springframework.jdbc.core.RowCallbackHandler)
              rs -> System.out.println("  " + rs.getString(1)),
          params);
      parts(app, admin.scope(), 1);
    }
    if (Boolean.getBoolean("rebuild")) {
      // As a TRUNCATE would: the caches of days and months are built again from every row.
      jdbc.update("insert into kernel.figure_change (everything) values (true)");
    }
    long first = System.nanoTime();
    StatsSummary s = reporting.summary(code, from, to, admin);
    System.out.printf(
        "first summary (brings the cache of days up to date, a whole build on a database that"
            + " has none): %.1f s%n",
        (System.nanoTime() - first) / 1e9);
    for (int i = 0; i < warmup; i++) {
      s = reporting.summary(code, from, to, admin);
    }
    double[] summary = new double[runs];
    for (int i = 0; i < runs; i++) {
      long t = System.nanoTime();
      s = reporting.summary(code, from, to, admin);
      summary[i] = (System.nanoTime() - t) / 1e6;
    }
    Map<String, long[]> fromSummary = new TreeMap<>();
    for (RegionFigures c : s.byCounty()) {
      fromSummary.put(c.regionCode(), triple(c.figures()));
    }
    fromSummary.put("all", triple(s.figures()));

    Map<String, double[]> plainTimes = new LinkedHashMap<>();
    Map<String, Map<String, long[]>> plainFigures = new LinkedHashMap<>();
    Map<String, String> plains = new LinkedHashMap<>();
    plains.put("hash", plainHash);
    if (Boolean.getBoolean("lateral")) {
      // Per application an index probe into cases and sessions: seconds at 10×, never the faster.
      plains.put("lateral", plainLateral);
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
        "%n%s figures 2018-01-01..2023-09-30 (applications / counseled / reconciled):%n", label);
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
        "%nsummary (Reporting.summary, %s, %d runs after %d warm-up): p50 %.1f ms, p95 %.1f ms"
            + " (target p95 < %d ms)%n",
        label, runs, warmup, sp50, sp95, targetMs);
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
    if (part > 3) {
      // Not for the province: the per-application path holds every application's facts in memory
      // (2.5 million exceed the 1 GB heap; what the cache of days is for).
      parts(app, admin.scope(), runs);
    }
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
  private static void parts(
      ConfigurableApplicationContext app, org.huhang.shared.DataScope scope, int runs) {
    var applications = app.getBean(org.huhang.registration.DivorceApplications.class);
    var cases = app.getBean(org.huhang.casework.CaseFigures.class);
    var book = app.getBean(org.huhang.reporting.internal.FigureBook.class);
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
    out.put("all", city);
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
