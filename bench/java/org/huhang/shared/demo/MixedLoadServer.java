package org.huhang.shared.demo;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.huhang.shared.BenchApp;
import org.huhang.shared.LegalTime;
import org.huhang.shared.LoadClient;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 13, the mixed load: the Huhang side of bench/run-mixed-load.sh. Starts Huhang on a
 * throw-away embedded PostgreSQL with the demo (no six-year history), prepares what the Gatling
 * simulation (bench/gatling, {@code MixedLoadSimulation}) needs — form-login sessions of the
 * registrar, the counselor, the manager and the analyst, personal API tokens of the registrar and
 * the analyst (through {@code POST /api/v1/me/tokens}), the counselor's open cases where party A
 * consented to sensitive processing — and writes them to {@code <dir>/server.properties}. Then,
 * every {@code -DsampleSeconds} (2), samples the heap used and the Hikari pool (active, idle,
 * pending threads, maximum, connection time-outs) into {@code <dir>/samples.csv} until the file
 * {@code <dir>/stop} appears.
 */
public final class MixedLoadServer {

  static final String PASSWORD = "Huhang@2023";
  static final Pattern TOKEN = Pattern.compile("\"token\":\"(hh_[A-Za-z0-9_-]{43})\"");

  public static void main(String[] args) throws Exception {
    Path out = Path.of(System.getProperty("dir", "target/mixed-load")).toAbsolutePath();
    int sessionsPerRole = Integer.getInteger("sessions", 3);
    long sampleMillis = Integer.getInteger("sampleSeconds", 2) * 1000L;
    Files.createDirectories(out);
    Files.deleteIfExists(out.resolve("stop"));
    Files.deleteIfExists(out.resolve("server.properties"));
    Path db = Files.createTempDirectory("huhang-mixed-");
    long started = System.nanoTime();
    try (ConfigurableApplicationContext app =
        BenchApp.start(db, "--huhang.demo=true", "--huhang.demo-history=false")) {
      String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
      System.out.printf(
          "Huhang up at %s in %.1f s (demo, no history)%n", base, (System.nanoTime() - started) / 1e9);
      Properties p = new Properties();
      p.setProperty("base", base);
      p.setProperty("token.registrar", token(base, "registrar-371602"));
      p.setProperty("token.analyst", token(base, "analyst"));
      for (String user :
          List.of("registrar-371602", "counselor-371623", "manager-371623", "analyst")) {
        List<String> sessions = new ArrayList<>();
        for (int i = 0; i < sessionsPerRole; i++) {
          sessions.add(session(base, user));
        }
        p.setProperty("sessions." + user, String.join(",", sessions));
      }
      JdbcClient jdbc = JdbcClient.create(app.getBean(DataSource.class));
      List<UUID> cases =
          jdbc.sql(
                  """
                  select c.id from casework.counseling_case c
                   where c.status <> 'CLOSED'
                     and exists (select 1 from casework.team_member t
                                   join identity.app_user u on u.id = t.user_id
                                  where t.case_id = c.id and t.removed_at is null
                                    and u.username = 'counselor-371623')
                   order by c.id""")
              .query(UUID.class)
              .list();
      if (cases.isEmpty()) {
        throw new IllegalStateException("no open case of counselor-371623");
      }
      List<String> pool = notePool(base, cases, Integer.getInteger("noteSessions", 120));
      p.setProperty("notes.counselor-371623", String.join(",", pool));
      p.setProperty("today", LocalDate.now(LegalTime.ZONE).toString());
      p.setProperty("samples", out.resolve("samples.csv").toString());
      // The simulation's options, given to this JVM by bench/run-mixed-load.sh.
      for (String option : List.of("minutes", "rate", "levels", "healthUsers", "healthSeconds")) {
        if (System.getProperty(option) != null) {
          p.setProperty(option, System.getProperty(option));
        }
      }
      Path props = out.resolve("server.properties");
      Path partial = out.resolve("server.properties.tmp");
      try (var w = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
        p.store(w, "mixed load: what the simulation needs");
      }
      Files.move(partial, props);
      System.out.printf(
          "prepared: 2 tokens, %d sessions per role, %d held sessions over %d cases of counselor-371623; sampling every %d ms%n",
          sessionsPerRole, pool.size(), cases.size(), sampleMillis);
      long applications = applications(jdbc);
      sample(app, out, sampleMillis);
      // The writes were real: rows the load added, read back from the database.
      try {
        long noted =
            jdbc.sql(
                    "select count(*) from casework.session"
                        + " where notes_cipher is not null and id in (:ids)")
                .param("ids", pool.stream().map(v -> UUID.fromString(v.split(":")[1])).toList())
                .query(Long.class)
                .single();
        System.out.printf(
            "written during the run: %d applications; %d of the %d pool sessions hold notes%n",
            applications(jdbc) - applications, noted, pool.size());
      } catch (RuntimeException e) {
        System.out.println("written during the run: not counted (" + e + ")");
      }
    }
  }

  static long applications(JdbcClient jdbc) {
    return jdbc.sql("select count(*) from registration.divorce_application")
        .query(Long.class)
        .single();
  }

  /** A personal API token of {@code user} (seven days), created as the API asks it to be. */
  static String token(String base, String user) throws Exception {
    String basic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    String expires = LocalDate.now(LegalTime.ZONE).plusDays(7).toString();
    HttpResponse<String> created =
        LoadClient.client()
            .send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/me/tokens"))
                    .header("Authorization", basic)
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"name\":\"mixed load\",\"expiresOn\":\"" + expires + "\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    Matcher m = TOKEN.matcher(created.body());
    if (created.statusCode() != 201 || !m.find()) {
      throw new IllegalStateException("token of " + user + " not created: " + created.statusCode());
    }
    return m.group(1);
  }

  /**
   * The sessions the counselors write notes into, {@code size} of them spread over her open cases,
   * each held yesterday with party A (who consents to sensitive processing, recorded through the
   * API where missing), scheduled through the sessions page as she would: {@code case:session}.
   * The simulation takes them in turn, so two visits write the same session only when more than
   * {@code size} visits are under way at once.
   */
  static List<String> notePool(String base, List<UUID> cases, int size) throws Exception {
    String bearer = "Bearer " + token(base, "counselor-371623");
    HttpClient api = LoadClient.client();
    for (UUID c : cases) {
      HttpResponse<String> r =
          api.send(
              HttpRequest.newBuilder(URI.create(base + "/api/v1/cases/" + c + "/consents"))
                  .header("Authorization", bearer)
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"party\":\"A\",\"purposes\":[\"COUNSELING\",\"SENSITIVE_PROCESSING\"]}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 201) {
        throw new IllegalStateException("consent of case " + c + ": " + r.statusCode());
      }
    }
    HttpClient browser = LoadClient.browser(base, "counselor-371623", PASSWORD);
    String page =
        browser
            .send(
                HttpRequest.newBuilder(URI.create(base + "/cases/" + cases.get(0) + "/sessions")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    String csrf = page.replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
    String yesterday = LocalDate.now(LegalTime.ZONE).minusDays(1) + "T10:00";
    Pattern location = Pattern.compile("/cases/([0-9a-f-]{36})/sessions/([0-9a-f-]{36})$");
    List<String> pool = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      UUID c = cases.get(i % cases.size());
      HttpResponse<Void> r =
          browser.send(
              HttpRequest.newBuilder(URI.create(base + "/cases/" + c + "/sessions"))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "_csrf=" + LoadClient.encode(csrf)
                              + "&scheduledAt=" + yesterday
                              + "&durationMinutes=60&channel=IN_PERSON&attendees=A&place="
                              + LoadClient.encode("婚姻家庭辅导室")))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      Matcher m = location.matcher(r.headers().firstValue("Location").orElse(""));
      if (r.statusCode() != 302 || !m.find()) {
        throw new IllegalStateException("session of case " + c + " not scheduled: " + r.statusCode());
      }
      pool.add(m.group(1) + ":" + m.group(2));
    }
    return pool;
  }

  /** The session cookie of a form login of {@code user}. */
  static String session(String base, String user) throws Exception {
    HttpClient browser = LoadClient.browser(base, user, PASSWORD);
    var store = ((java.net.CookieManager) browser.cookieHandler().orElseThrow()).getCookieStore();
    return store.getCookies().stream()
        .filter(c -> c.getName().equals("SESSION"))
        .map(HttpCookie::getValue)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no SESSION cookie for " + user));
  }

  /**
   * One line per sample: epoch ms, heap used (MB), pool active, idle, pending threads, maximum,
   * connection time-outs so far.
   */
  static void sample(ConfigurableApplicationContext app, Path out, long every) throws Exception {
    HikariPoolMXBean pool = app.getBean(DataSource.class).unwrap(HikariDataSource.class).getHikariPoolMXBean();
    int max = app.getBean(DataSource.class).unwrap(HikariDataSource.class).getMaximumPoolSize();
    MeterRegistry registry = app.getBean(MeterRegistry.class);
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    try (PrintWriter w =
        new PrintWriter(Files.newBufferedWriter(out.resolve("samples.csv"), StandardCharsets.UTF_8))) {
      w.println("epochMillis,heapUsedMB,active,idle,pending,max,timeouts");
      while (!Files.exists(out.resolve("stop"))) {
        Counter timeouts = registry.find("hikaricp.connections.timeout").counter();
        w.printf(
            "%d,%.1f,%d,%d,%d,%d,%d%n",
            System.currentTimeMillis(),
            memory.getHeapMemoryUsage().getUsed() / 1048576.0,
            pool.getActiveConnections(),
            pool.getIdleConnections(),
            pool.getThreadsAwaitingConnection(),
            max,
            timeouts == null ? 0 : (long) timeouts.count());
        w.flush();
        Thread.sleep(every);
      }
    }
    System.out.println("stop asked: Huhang stops");
  }
}
