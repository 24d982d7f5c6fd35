package org.huhang.shared.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.huhang.shared.BenchApp;
import org.huhang.shared.LoadClient;
import org.huhang.shared.LoadClient.Result;
import org.huhang.shared.person.PersonalDataProtector;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 13, "targets, in one run each, each as a ratio to a limit measured beside it": the pages
 * other than the city summary, each as the user who opens it, each with {@code /actuator/health}
 * measured in the same run. Starts Huhang on a throw-away embedded PostgreSQL with the demo and
 * (unless {@code -Dhistory=false}) the whole Binzhou history (about 44,000 applications, 30,000
 * cases) loaded before anything is measured; adds what the demo lacks: a case of
 * counselor-371623's with 30 held sessions (copies of one of the case's own sessions with its
 * notes, a week apart, as the service writes them). Then, per page: a first request checked (200, a
 * marker of the page in its body, a partial without {@code <html}), {@code -Dwarmup} seconds (5) of
 * warm-up, {@code -Dseconds} (10) measured from {@code -Dthreads} (2: as many as cores) client
 * threads; p50, p95 and requests/s, and p95 ÷ health's p95. {@code -Dexplain=true} prints the plans
 * of the registration queries. Run with bench/run-pages.sh.
 */
public final class PageBenchmark {

  record Target(String page, String user, String path, boolean htmx, String marker, double limitMs) {}

  public static void main(String[] args) throws Exception {
    int threads = Integer.getInteger("threads", 2);
    int seconds = Integer.getInteger("seconds", 10);
    int warmup = Integer.getInteger("warmup", 5);
    boolean history = Boolean.parseBoolean(System.getProperty("history", "true"));
    String only = System.getProperty("only", "");
    Path dir = Files.createTempDirectory("huhang-pages-");
    long t0 = System.nanoTime();
    try (ConfigurableApplicationContext app =
        BenchApp.start(
            dir,
            "--huhang.demo=true",
            "--huhang.demo-history=" + history,
            "--huhang.demo-history-background=false")) {
      System.out.printf("started with the demo in %.1f s%n", (System.nanoTime() - t0) / 1e9);
      JdbcClient jdbc = app.getBean(JdbcClient.class);
      if (history) {
        long t = System.nanoTime();
        DemoHistory loader = app.getBean(DemoHistory.class);
        loader.load();
        if (loader.state().status() != DemoHistory.Status.DONE) {
          throw new IllegalStateException("the history did not load: " + loader.state());
        }
        System.out.printf("Binzhou history loaded in %.1f s%n", (System.nanoTime() - t) / 1e9);
      }
      UUID caseId = caseWithSessions(jdbc, 30);
      jdbc.sql("vacuum analyze").update();
      for (String table :
          List.of(
              "registration.divorce_application",
              "casework.counseling_case",
              "casework.session",
              "volunteer.volunteer")) {
        System.out.printf(
            "  %-34s %,8d rows%n",
            table, jdbc.sql("select count(*) from " + table).query(Long.class).single());
      }

      // A party of registrar-371602's county, found by name, by pinyin and by identity number.
      Map<String, Object> party =
          jdbc.sql(
                  """
                  select a_name, a_id_cipher, search_keys from registration.divorce_application
                   where region_path like '/370000/371600/371602/%' order by received_on, id
                  offset (select count(*) / 2 from registration.divorce_application
                           where region_path like '/370000/371600/371602/%') limit 1""")
              .query()
              .singleRow();
      String name = (String) party.get("a_name");
      String idNumber =
          app.getBean(PersonalDataProtector.class).decrypt((byte[]) party.get("a_id_cipher"));
      String pinyin = "";
      for (Object key : (Object[]) ((java.sql.Array) party.get("search_keys")).getArray()) {
        String k = (String) key;
        if (k.matches("[a-z]+") && k.length() > pinyin.length()) {
          pinyin = k;
        }
      }
      System.out.printf("searches: a name of %d characters, its pinyin (%d letters), an identity number%n",
          name.length(), pinyin.length());
      long pending =
          jdbc.sql(
                  """
                  select count(*) from registration.divorce_application
                   where outcome = 'PENDING' and regime = 'COOLING_OFF'
                     and region_path like '/370000/371600/371602/%'""")
              .query(Long.class)
              .single();
      System.out.printf("pending cooling-off applications of 371602: %,d; case %s%n", pending, caseId);

      List<Target> targets =
          List.of(
              new Target("registrations list", "registrar-371602", "/registrations", false, "application-table", 50),
              new Target("registrations list (htmx)", "registrar-371602", "/registrations", true, "application-table", 50),
              new Target("search: name", "registrar-371602", "/registrations?q=" + LoadClient.encode(name), true, name, 50),
              new Target("search: pinyin", "registrar-371602", "/registrations?q=" + pinyin, true, name, 50),
              new Target("search: identity number", "registrar-371602", "/registrations?q=" + idNumber, true, name, 50),
              new Target("deadline board", "registrar-371602", "/registrations/board", false, "deadline-board", 50),
              new Target("deadline board 60 days", "registrar-371602", "/registrations/board?days=60", false, "deadline-board", 50),
              new Target("case page (counselor)", "counselor-371623", "/cases/" + caseId, false, "case-timeline", 80),
              new Target("case page (manager)", "manager-371623", "/cases/" + caseId, false, "case-timeline", 80),
              new Target("case sessions (counselor)", "counselor-371623", "/cases/" + caseId + "/sessions", false, "/sessions/", 80),
              new Target("county dashboard", "admin-371623", "/stats", false, "stats-cards", 150),
              new Target("county dashboard 2018-2023", "admin-371623", "/stats?region=371623&period=since2018", false, "stats-cards", 150),
              new Target("dashboard records (htmx)", "admin-371623", "/stats/records?figure=applications&region=371623", true, "records-list", 150));

      if (Boolean.getBoolean("explain")) {
        explain(jdbc, app.getBean(PersonalDataProtector.class).lookupHash(idNumber), pinyin);
      }

      String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
      Map<String, HttpClient> browsers = new LinkedHashMap<>();
      System.out.printf(
          "%d client threads, %d s warm-up then %d s measured per page, %d cores, heap max %d MB, load average %.2f%n",
          threads, warmup, seconds, Runtime.getRuntime().availableProcessors(),
          Runtime.getRuntime().maxMemory() >> 20,
          java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
      Result health =
          LoadClient.run(
              LoadClient.client(),
              "health",
              HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
              LoadClient::isOk,
              threads,
              warmup,
              seconds);
      List<String[]> lines = new ArrayList<>();
      print(lines, "health", "-", health, health, 0);
      for (Target target : targets) {
        if (!only.isEmpty() && !target.page().contains(only)) {
          continue;
        }
        HttpClient browser = browsers.get(target.user());
        if (browser == null) {
          browser = LoadClient.browser(base, target.user(), "Huhang@2023");
          browsers.put(target.user(), browser);
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + target.path()));
        if (target.htmx()) {
          builder.header("HX-Request", "true");
        }
        HttpRequest request = builder.build();
        HttpResponse<byte[]> first = browser.send(request, HttpResponse.BodyHandlers.ofByteArray());
        String body = new String(first.body(), StandardCharsets.UTF_8);
        if (first.statusCode() != 200
            || !body.contains(target.marker())
            || target.htmx() == body.contains("<html")) {
          throw new IllegalStateException(
              target.page() + " " + target.path() + " answered " + first.statusCode()
                  + " without " + target.marker());
        }
        String marker = target.marker();
        Map<String, Long> scansBefore = seqScans(jdbc);
        Result r =
            LoadClient.run(
                browser,
                target.page(),
                request,
                response ->
                    response.statusCode() == 200
                        && new String(response.body(), StandardCharsets.UTF_8).contains(marker),
                threads,
                warmup,
                seconds);
        print(lines, target.page(), target.user(), r, health, target.limitMs());
        Thread.sleep(1_000);
        Map<String, Long> scansAfter = seqScans(jdbc);
        scansAfter.forEach(
            (table, rows) -> {
              long read = rows - scansBefore.getOrDefault(table, 0L);
              long requests = Math.max(1, r.requests());
              if (read / requests >= 500) {
                System.out.printf("    sequential scans: %s %,d rows read per request%n", table, read / requests);
              }
            });
      }
      System.out.println();
      System.out.printf("%-28s %-17s %7s %7s %7s %6s %9s %7s%n",
          "page", "as", "req/s", "p50 ms", "p95 ms", "errors", "p95÷health", "target");
      lines.forEach(l -> System.out.printf("%-28s %-17s %7s %7s %7s %6s %9s %7s%n", (Object[]) l));
      System.out.printf("load average at the end %.2f%n",
          java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }

  static void print(List<String[]> lines, String page, String user, Result r, Result health, double limit) {
    String[] line = {
      page,
      user,
      String.format("%.0f", r.perSecond()),
      String.format("%.1f", r.p50Millis()),
      String.format("%.1f", r.p95Millis()),
      String.valueOf(r.errors()),
      String.format("%.1f", r.p95Millis() / health.p95Millis()),
      limit == 0 ? "-" : String.format("< %.0f", limit)
    };
    lines.add(line);
    System.out.printf("%-28s %-17s %7s req/s p50 %s ms p95 %s ms errors %s p95÷health %s %s%n", (Object[]) line);
  }

  /**
   * A case of counselor-371623's (the open one with the most sessions) brought to {@code count}
   * sessions: copies of its latest held session with notes (or any of its sessions), a week apart
   * before the first, with the same notes, attendees and counselors: the rows the service writes.
   */
  static UUID caseWithSessions(JdbcClient jdbc, int count) {
    UUID caseId =
        jdbc.sql(
                """
                select c.id from casework.counseling_case c
                  join casework.team_member t on t.case_id = c.id and t.removed_at is null
                  join identity.app_user u on u.id = t.user_id and u.username = 'counselor-371623'
                 where c.status <> 'CLOSED'
                 order by (select count(*) from casework.session s where s.case_id = c.id) desc, c.id
                 limit 1""")
            .query(UUID.class)
            .single();
    long had =
        jdbc.sql("select count(*) from casework.session where case_id = :c")
            .param("c", caseId)
            .query(Long.class)
            .single();
    if (had == 0) {
      throw new IllegalStateException("case " + caseId + " has no session to copy");
    }
    int added =
        jdbc.sql(
                """
                with src as (
                  select * from casework.session where case_id = :c
                   order by (status = 'HELD' and notes_cipher is not null) desc, scheduled_at desc limit 1),
                     first as (select min(scheduled_at) as at from casework.session where case_id = :c)
                insert into casework.session
                  (id, case_id, scheduled_at, duration_minutes, channel, place, attendees,
                   relatives_present, counselors, status, notes_cipher, notes_saved_at, notes_saved_by,
                   created_by, created_at, version)
                select gen_random_uuid(), case_id, first.at - g * interval '7 days', duration_minutes,
                       channel, place, attendees, relatives_present, counselors, status, notes_cipher,
                       case when notes_saved_at is null then null
                            else first.at - g * interval '7 days' + interval '2 hours' end,
                       notes_saved_by, created_by, first.at - g * interval '7 days' - interval '3 days', 0
                  from src, first, generate_series(1, :n) g""")
            .param("c", caseId)
            .param("n", Math.max(0, count - had))
            .update();
    System.out.printf("case of counselor-371623: %d sessions, %d added%n", had, added);
    return caseId;
  }

  /** Rows read by sequential scans so far, per table: a page that reads thousands lacks an index. */
  static Map<String, Long> seqScans(JdbcClient jdbc) {
    Map<String, Long> out = new LinkedHashMap<>();
    jdbc.sql("select pg_stat_clear_snapshot()").query().listOfRows();
    jdbc.sql("select schemaname || '.' || relname as t, coalesce(seq_tup_read, 0) as n from pg_stat_user_tables")
        .query(rs -> {
          out.put(rs.getString("t"), rs.getLong("n"));
        });
    return out;
  }

  static void explain(JdbcClient jdbc, byte[] idHash, String pinyin) {
    String scope = "'/370000/371600/371602/%'";
    List<String> queries =
        List.of(
            "select id from registration.divorce_application where region_path like " + scope
                + " order by received_on desc, id limit 20",
            "select count(*) from (select 1 from registration.divorce_application where region_path like "
                + scope + " limit 1001) m",
            "select id from registration.divorce_application where region_path like " + scope
                + " and search_keys @> array['" + pinyin + "'] order by received_on desc, id limit 20",
            "select id from registration.divorce_application where outcome = 'PENDING' and regime = 'COOLING_OFF'"
                + " and region_path like " + scope
                + " and withdrawal_deadline between current_date and current_date + 60"
                + " order by withdrawal_deadline, received_on, id limit 500");
    for (String sql : queries) {
      System.out.println(sql);
      jdbc.sql("explain (analyze, buffers) " + sql)
          .query(String.class)
          .list()
          .forEach(l -> System.out.println("    " + l));
    }
    System.out.println("identity number hash look-up");
    jdbc.sql(
            "explain (analyze, buffers) select id from registration.divorce_application where region_path like "
                + scope + " and (a_id_hash = :h or b_id_hash = :h or a_phone_hash = :h or b_phone_hash = :h)"
                + " order by received_on desc, id limit 20")
        .param("h", idHash)
        .query(String.class)
        .list()
        .forEach(l -> System.out.println("    " + l));
  }
}
