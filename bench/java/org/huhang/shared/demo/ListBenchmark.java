package org.huhang.shared.demo;

import org.huhang.shared.BenchApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.huhang.registration.internal.ApplicationRows;
import org.huhang.registration.internal.HistoryImportBenchmark;
import org.huhang.registration.internal.HolidayCalendars;
import org.huhang.shared.Actor;
import org.huhang.shared.LoadClient;
import org.huhang.shared.LoadClient.Result;
import org.huhang.shared.Role;
import org.huhang.shared.spreadsheet.ImportReport;
import org.huhang.shared.spreadsheet.StagedImports;
import org.huhang.volunteer.internal.VolunteerBenchmark;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 13, "ahead of the peer": every list of Huhang (users, volunteers, registrations, cases,
 * events, audit) as a logged-in browser asks for it (the htmx partial, {@code HX-Request: true},
 * the session cookie of a form login as the city administrator), its first page and a search that
 * matches a handful of rows, with {@code -Drows} rows in each list (default 2,000), against the
 * peer's figures (RuoYi-Vue's user list 1,090 req/s, its name search 860 req/s, wrk -t2 -c8 with
 * 2,000 users on this machine) and {@code /actuator/health} in the same run. Starts Huhang on a
 * throw-away embedded PostgreSQL (demo accounts, no six-year history), fills each list through a
 * bulk path (volunteers through the registry's batch, applications through the staged import of a
 * generated history file, users and audit entries by SQL, cases and events as SQL copies of the
 * demo's), then drives each request from {@code -Dthreads} (8) client threads for {@code -Dwarmup}
 * (10) then {@code -Dseconds} (15) seconds. {@code -Dexplain=true} prints the query plans of each
 * list. Run with bench/run-lists.sh.
 */
public final class ListBenchmark {

  static final double PEER_LIST = 1_090;
  static final double PEER_SEARCH = 860;

  record Target(String list, String kind, String path, String mustContain) {}

  public static void main(String[] args) throws Exception {
    int rows = Integer.getInteger("rows", 2_000);
    int threads = Integer.getInteger("threads", 8);
    int seconds = Integer.getInteger("seconds", 15);
    int warmup = Integer.getInteger("warmup", 10);
    String only = System.getProperty("only", "");
    Path dir = Files.createTempDirectory("huhang-lists-");
    try (ConfigurableApplicationContext app =
        BenchApp.start(dir, "--huhang.demo=true", "--huhang.demo-history=false")) {
      JdbcClient jdbc = app.getBean(JdbcClient.class);
      long t0 = System.nanoTime();
      generate(app, jdbc, rows);
      jdbc.sql("vacuum analyze").update();
      System.out.printf("generated %,d rows per list in %.1f s%n", rows, (System.nanoTime() - t0) / 1e9);
      for (String table :
          List.of(
              "identity.app_user",
              "volunteer.volunteer",
              "registration.divorce_application",
              "casework.counseling_case",
              "outreach.outreach_event",
              "audit.audit_event")) {
        System.out.printf(
            "  %-34s %,8d rows%n",
            table, jdbc.sql("select count(*) from " + table).query(Long.class).single());
      }

      String userName = pick(jdbc, "select display_name from identity.app_user where username like 'bench-%' order by username offset :n limit 1", rows / 2);
      String volunteerName = pick(jdbc, "select name from volunteer.volunteer order by sort_key, id offset :n limit 1", rows / 2);
      String partyName = pick(jdbc, "select a_name from registration.divorce_application order by received_on, id offset :n limit 1", rows / 2);
      String auditUser = "bench-user-" + (rows / 10 / 2);
      List<Target> targets =
          List.of(
              new Target("users", "list", "/users", "<table"),
              new Target("users", "search", "/users?q=" + LoadClient.encode(userName), userName),
              new Target("volunteers", "list", "/volunteers", "volunteer-table"),
              new Target("volunteers", "search", "/volunteers?q=" + LoadClient.encode(volunteerName), volunteerName),
              new Target("registrations", "list", "/registrations", "<table"),
              new Target("registrations", "search", "/registrations?q=" + LoadClient.encode(partyName), partyName),
              new Target("cases", "list", "/cases", "<table"),
              new Target("cases", "search", "/cases?risk=HIGH", "<table"),
              new Target("events", "list", "/outreach-events", "<table"),
              new Target("events", "search", "/outreach-events?region=371623&from=2023-03-01&to=2023-03-31", "<table"),
              new Target("audit", "list", "/audit", "<table"),
              new Target("audit", "search", "/audit?username=" + auditUser, auditUser));

      if (Boolean.getBoolean("explain")) {
        explain(jdbc, userName, auditUser);
      }

      String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
      HttpClient browser = LoadClient.browser(base, "admin", "Huhang@2023");
      System.out.printf(
          "%d client threads, %d s warm-up then %d s measured per request, %d cores, heap max %d MB%n",
          threads, warmup, seconds, Runtime.getRuntime().availableProcessors(),
          Runtime.getRuntime().maxMemory() >> 20);
      List<String[]> lines = new ArrayList<>();
      // -Dautocannon=/path/to/autocannon: the requests are sent by autocannon (Node, outside this
      // JVM, -c threads -w 2, as the peer's wrk -t2 -c8) instead of the Java client in this JVM;
      // the first answer of each list is still checked here, the rest by status only.
      String autocannon = System.getProperty("autocannon");
      // -Dwrk=/usr/bin/wrk (apt-get install -y wrk): the peer's own tool, wrk -t2 -c<threads>.
      String wrk = System.getProperty("wrk");
      String cookie = cookieHeader(browser);
      // -Dhold=/path: write the address and the session cookie there and keep the application up
      // until the file is deleted, to drive it by hand (wrk, top, EXPLAIN).
      String hold = System.getProperty("hold");
      if (hold != null) {
        Files.writeString(Path.of(hold), base + "\n" + cookie + "\n");
        System.out.println("holding at " + base + " until " + hold + " is deleted");
        while (Files.exists(Path.of(hold))) {
          Thread.sleep(1_000);
        }
        return;
      }
      Result health =
          wrk != null
              ? wrk(wrk, "health", base + "/actuator/health", null, threads, warmup, seconds)
              : autocannon != null
              ? autocannon(autocannon, "health", base + "/actuator/health", null, threads, warmup, seconds)
              : LoadClient.run(
                  LoadClient.client(),
                  "health",
                  HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
                  LoadClient::isOk,
                  threads,
                  warmup,
                  seconds);
      print(lines, "health", "-", "/actuator/health", health, 0);
      for (Target target : targets) {
        if (!only.isEmpty() && !only.contains(target.list())) {
          continue;
        }
        HttpRequest request =
            HttpRequest.newBuilder(URI.create(base + target.path()))
                .header("HX-Request", "true")
                .build();
        HttpResponse<byte[]> first = browser.send(request, HttpResponse.BodyHandlers.ofByteArray());
        String body = new String(first.body(), StandardCharsets.UTF_8);
        if (first.statusCode() != 200 || !body.contains(target.mustContain()) || body.contains("<html")) {
          throw new IllegalStateException(
              target.path() + " answered " + first.statusCode() + " without " + target.mustContain());
        }
        Result r =
            wrk != null
                ? wrk(wrk, target.list() + " " + target.kind(), base + target.path(), cookie, threads, warmup, seconds)
                : autocannon != null
                ? autocannon(
                    autocannon,
                    target.list() + " " + target.kind(),
                    base + target.path(),
                    cookie,
                    threads,
                    warmup,
                    seconds)
                : LoadClient.run(
                    browser,
                    target.list() + " " + target.kind(),
                    request,
                    LoadClient::isOk,
                    threads,
                    warmup,
                    seconds);
        print(lines, target.list(), target.kind(), target.path(), r,
            target.kind().equals("list") ? PEER_LIST : PEER_SEARCH);
      }
      System.out.println();
      System.out.printf("rows per list: %,d; peer: RuoYi-Vue list %.0f req/s, name search %.0f req/s (2,000 users)%n", rows, PEER_LIST, PEER_SEARCH);
      System.out.printf("%-14s %-7s %9s %8s %8s %7s %7s  %s%n", "list", "request", "req/s", "p50 ms", "p95 ms", "errors", "x peer", "path");
      lines.forEach(l -> System.out.printf("%-14s %-7s %9s %8s %8s %7s %7s  %s%n", (Object[]) l));
    }
  }

  /** The session cookie of a logged-in client, as a Cookie header. */
  static String cookieHeader(HttpClient browser) {
    var store = ((java.net.CookieManager) browser.cookieHandler().orElseThrow()).getCookieStore();
    return store.getCookies().stream()
        .map(c -> c.getName() + "=" + c.getValue())
        .collect(java.util.stream.Collectors.joining("; "));
  }

  /**
   * One request measured by autocannon: a warm-up run, then the measured one; its JSON gives the
   * requests per second, the 50th and 97.5th percentiles (autocannon has no 95th; the column says
   * p95) and the non-2xx answers and errors, counted as errors.
   */
  static Result autocannon(
      String exe, String name, String url, String cookie, int connections, int warmup, int seconds)
      throws Exception {
    List<String> command = new ArrayList<>(List.of(exe, "-c", String.valueOf(connections), "-w", "2", "-j"));
    command.addAll(List.of("-H", "HX-Request=true"));
    if (cookie != null) {
      command.addAll(List.of("-H", "Cookie=" + cookie));
    }
    List<String> warm = new ArrayList<>(command);
    warm.addAll(List.of("-d", String.valueOf(warmup), url));
    run(warm);
    List<String> measured = new ArrayList<>(command);
    measured.addAll(List.of("-d", String.valueOf(seconds), url));
    String json = run(measured);
    double perSecond = number(json, "\"requests\":\\{[^}]*\"average\":([0-9.]+)");
    double p50 = number(json, "\"latency\":\\{[^}]*\"p50\":([0-9.]+)");
    double p975 = number(json, "\"latency\":\\{[^}]*\"p97_5\":([0-9.]+)");
    long errors =
        (long) (number(json, "\"non2xx\":([0-9]+)") + number(json, "\"errors\":([0-9]+)"));
    return new Result(
        name, Math.round(perSecond * seconds), errors, seconds, (long) (p50 * 1e6), (long) (p975 * 1e6));
  }

  /**
   * One request measured by wrk as the peer was (-t2, -c connections): a warm-up run, then the
   * measured one; a Lua done() prints the requests per second, the 50th and 95th percentiles and the
   * errors (connect, read, write, timeouts and answers outside 2xx/3xx).
   */
  static Result wrk(
      String exe, String name, String url, String cookie, int connections, int warmup, int seconds)
      throws Exception {
    Path script = Files.createTempFile("huhang-wrk-", ".lua");
    Files.writeString(
        script,
        """
        done = function(summary, latency, requests)
          local e = summary.errors
          io.write(string.format("RESULT %d %d %d %d\\n", summary.requests, latency:percentile(50),
            latency:percentile(95), e.connect + e.read + e.write + e.timeout + e.status))
        end
        """);
    try {
      List<String> command =
          new ArrayList<>(
              List.of(exe, "-t", "2", "-c", String.valueOf(connections), "-s", script.toString(),
                  "-H", "HX-Request: true"));
      if (cookie != null) {
        command.addAll(List.of("-H", "Cookie: " + cookie));
      }
      List<String> warm = new ArrayList<>(command);
      warm.addAll(List.of("-d", warmup + "s", url));
      run(warm);
      List<String> measured = new ArrayList<>(command);
      measured.addAll(List.of("-d", seconds + "s", url));
      String out = run(measured);
      var m = java.util.regex.Pattern.compile("RESULT (\\d+) (\\d+) (\\d+) (\\d+)").matcher(out);
      var rate = java.util.regex.Pattern.compile("Requests/sec:\\s+([0-9.]+)").matcher(out);
      if (!m.find() || !rate.find()) {
        throw new IllegalStateException("wrk printed no result: " + out);
      }
      double perSecond = Double.parseDouble(rate.group(1));
      return new Result(
          name,
          Math.round(perSecond * seconds),
          Long.parseLong(m.group(4)),
          seconds,
          Long.parseLong(m.group(2)) * 1_000,
          Long.parseLong(m.group(3)) * 1_000);
    } finally {
      Files.deleteIfExists(script);
    }
  }

  private static String run(List<String> command) throws Exception {
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException(command.get(0) + " failed: " + out);
    }
    return out;
  }

  private static double number(String json, String regex) {
    var m = java.util.regex.Pattern.compile(regex).matcher(json);
    if (!m.find()) {
      throw new IllegalStateException("no " + regex + " in " + json);
    }
    return Double.parseDouble(m.group(1));
  }

  static void print(List<String[]> lines, String list, String kind, String path, Result r, double peer) {
    String[] line = {
      list,
      kind,
      String.format("%.0f", r.perSecond()),
      String.format("%.1f", r.p50Millis()),
      String.format("%.1f", r.p95Millis()),
      String.valueOf(r.errors()),
      peer == 0 ? "-" : String.format("%.2f", r.perSecond() / peer),
      path
    };
    lines.add(line);
    System.out.printf("%-14s %-7s %9s req/s p50 %s ms p95 %s ms errors %s ratio %s%n", (Object[]) line);
  }

  static String pick(JdbcClient jdbc, String sql, int n) {
    return jdbc.sql(sql).param("n", n).query(String.class).single();
  }

  static void generate(ConfigurableApplicationContext app, JdbcClient jdbc, int rows) throws Exception {
    long t = System.nanoTime();
    // Users: random names over the seven counties and their townships, the demo's password hash.
    jdbc.sql(
            """
            insert into identity.app_user
              (id, username, display_name, password_hash, role, region_code, region_path, enabled,
               created_at, created_by, password_changed_at)
            select gen_random_uuid(), 'bench-' || lpad(g::text, 6, '0'),
                   substr(s, (1 + (g::bigint * 7919) % length(s))::int, 1)
                     || substr(v, (1 + (g::bigint * 104729) % length(v))::int, 1)
                     || substr(v, (1 + (g::bigint * 1299709 / 7) % length(v))::int, 1),
                   (select password_hash from identity.app_user where username = 'admin'),
                   (array['COUNSELOR','REGISTRAR','CENTER_MANAGER','ANALYST','COUNTY_ADMIN'])[1 + g % 5],
                   r.codes[1 + g % cardinality(r.codes)], r.paths[1 + g % cardinality(r.codes)], g % 17 <> 0, now() - g * interval '1 minute', 'bench', now()
            from generate_series(1, :n) g,
                 (select array_agg(code order by code) as codes, array_agg(path order by code) as paths
                    from region.region
                   where path like '/370000/371600/%' and level in ('COUNTY', 'TOWNSHIP')) r,
                 (select '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文' as s,
                         '红梅秀英桂兰玉丽华淑珍海燕春霞晓娟文静雪艳美玲凤慧敏俊云萍金素芳爱立新婷怡欣悦佳琪雨涵思梦洁晨曦国强志刚建军明辉伟磊洋勇杰涛超平鹏飞鑫波斌宇浩凯健帆娜琳晶颖倩' as v) names""")
        .param("n", rows)
        .update();
    System.out.printf("  users %.1f s%n", (System.nanoTime() - t) / 1e9);
    t = System.nanoTime();
    VolunteerBenchmark.generate(app, rows, 42);
    System.out.printf("  volunteers %.1f s%n", (System.nanoTime() - t) / 1e9);
    t = System.nanoTime();
    Path csv = Files.createTempFile("huhang-lists-", ".csv");
    try {
      HistoryImportBenchmark.write(
          csv, rows, StandardCharsets.UTF_8, new Random(2018_0101L), app.getBean(HolidayCalendars.class).clock());
      Actor registrar = new Actor(null, "bench", "bench", Role.REGISTRAR, "371600", "滨州市", "/370000/371600/");
      ImportReport report =
          app.getBean(StagedImports.class)
              .importNow(app.getBean(ApplicationRows.class), Files.readAllBytes(csv), "bench.csv", registrar);
      if (report.newRows() != rows) {
        throw new IllegalStateException("applications imported: " + report.newRows() + " " + report.errors().stream().limit(3).toList());
      }
    } finally {
      Files.deleteIfExists(csv);
    }
    System.out.printf("  registrations %.1f s%n", (System.nanoTime() - t) / 1e9);
    t = System.nanoTime();
    // Cases: copies of the demo's cases (with their parties), opened on earlier days.
    long cases = jdbc.sql("select count(*) from casework.counseling_case").query(Long.class).single();
    jdbc.sql(
            """
            with src as (select c.*, row_number() over (order by c.id) - 1 as rn, count(*) over () as cnt
                           from casework.counseling_case c),
                 gen as (select gen_random_uuid() as nid, g from generate_series(1, :n) g),
                 pick as materialized (select gen.nid, gen.g, src.* from gen join src on src.rn = gen.g % src.cnt),
                 ins as (
                   insert into casework.counseling_case
                     (id, center_id, region_path, stage, status, application_id, opened_by, opened_on,
                      created_at, version, source, issue_categories, risk, joint_approved_by,
                      joint_approved_at, joint_approval_cipher, outcome, outcome_cipher, closed_on,
                      closed_by, legal_outcome, legal_outcome_on, updated_by, updated_at)
                   select nid, center_id, region_path, stage, status, null, opened_by,
                          opened_on - (g % 2000)::int, created_at, 0, source, issue_categories, risk,
                          joint_approved_by, joint_approved_at, joint_approval_cipher, outcome,
                          outcome_cipher, closed_on - (g % 2000)::int, closed_by, legal_outcome,
                          legal_outcome_on, updated_by, updated_at
                   from pick returning id)
            insert into casework.case_party
              (case_id, role, name, gender, birth_date, id_number_cipher, id_number_hash,
               id_number_masked, phone_cipher, phone_hash, phone_masked)
            select pick.nid, p.role, p.name, p.gender, p.birth_date, p.id_number_cipher, null,
                   p.id_number_masked, p.phone_cipher, null, p.phone_masked
            from pick join casework.case_party p on p.case_id = pick.id""")
        .param("n", Math.max(0, rows - cases))
        .update();
    System.out.printf("  cases %.1f s (copies of %d demo cases)%n", (System.nanoTime() - t) / 1e9, cases);
    t = System.nanoTime();
    long events = jdbc.sql("select count(*) from outreach.outreach_event").query(Long.class).single();
    jdbc.sql(
            """
            with src as (select e.*, row_number() over (order by e.id) - 1 as rn, count(*) over () as cnt
                           from outreach.outreach_event e)
            insert into outreach.outreach_event
              (id, version, type, title, held_on, starts_at, region_code, region_path, place, center_id,
               speakers, audience, attendance, summary, created_by, created_at, updated_at)
            select gen_random_uuid(), 0, type, title, held_on - (g % 2500)::int, starts_at, region_code,
                   region_path, place, center_id, speakers, audience, attendance, summary, created_by,
                   created_at, updated_at
            from generate_series(1, :n) g join src on src.rn = g % src.cnt""")
        .param("n", Math.max(0, rows - events))
        .update();
    System.out.printf("  events %.1f s (copies of %d demo events)%n", (System.nanoTime() - t) / 1e9, events);
    t = System.nanoTime();
    // Audit entries: reads and writes of many users, ten entries each, over the last months.
    jdbc.sql(
            """
            insert into audit.audit_event
              (occurred_at, username, role, region_code, action, entity_type, entity_id, outcome,
               client_address)
            select now() - g * interval '7 minutes', 'bench-user-' || (g % (:n / 10)), 'COUNSELOR',
                   '371623', (array['case.view', 'case.update', 'volunteer.view', 'login'])[1 + g % 4],
                   'case', gen_random_uuid()::text, 'SUCCESS', '127.0.0.1'
            from generate_series(1, :n) g""")
        .param("n", rows)
        .update();
    System.out.printf("  audit %.1f s%n", (System.nanoTime() - t) / 1e9);
  }

  /** The plans of each list's queries as the city administrator asks for them. */
  static void explain(JdbcClient jdbc, String userName, String auditUser) {
    String scope = "'/370000/371600/%'";
    String q = "'%" + userName + "%'";
    System.out.println(
        jdbc.sql(
                "select 'collate ' || datcollate || ', ctype ' || datctype from pg_database"
                    + " where datname = current_database()")
            .query(String.class)
            .single());
    List<String> queries =
        List.of(
            "select id from identity.app_user where region_path like '/370000/371600/371623/%'"
                + " order by region_path collate \"C\", role, username limit 20",
            "select count(*) from (select 1 from identity.app_user where region_path like "
                + scope + " limit 1001) m",
            "select count(*) from identity.app_user where region_path like " + scope,
            "select id from identity.app_user where region_path like " + scope
                + " order by region_path collate \"C\", role, username limit 20",
            "select count(*) from identity.app_user where region_path like " + scope
                + " and (username ilike " + q + " or display_name ilike " + q + ")",
            "select id from identity.app_user where region_path like " + scope
                + " and (username ilike " + q + " or display_name ilike " + q
                + ") order by region_path, role, username limit 20",
            "select count(*) from registration.divorce_application where region_path like " + scope,
            "select id from registration.divorce_application where region_path like " + scope
                + " order by received_on desc, id limit 20",
            "select count(*) from casework.counseling_case c where c.region_path like " + scope,
            "select id from casework.counseling_case c where c.region_path like " + scope
                + " order by c.status = 'CLOSED', c.opened_on desc, c.id limit 20",
            "select count(*) from outreach.outreach_event where region_path like " + scope,
            "select id from outreach.outreach_event where region_path like " + scope
                + " order by held_on desc, starts_at desc, id limit 20",
            "select count(*) from audit.audit_event",
            "select id from audit.audit_event order by occurred_at desc, id desc limit 20",
            "select count(*) from audit.audit_event where username = '" + auditUser + "'");
    for (String sql : queries) {
      System.out.println(sql);
      jdbc.sql("explain (analyze, buffers) " + sql)
          .query(String.class)
          .list()
          .forEach(l -> System.out.println("    " + l));
    }
  }
}
