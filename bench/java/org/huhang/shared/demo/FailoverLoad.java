package org.huhang.shared.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.huhang.shared.LegalTime;
import org.huhang.shared.person.ResidentIdNumber;

/**
 * The failover drill's client (issue 14, {@code drill/failover.sh}): registrars record divorce
 * applications and counselors schedule sessions and write their notes, through the API behind
 * nginx, each write with an {@code Idempotency-Key} and retried with the same key and body until it
 * is answered (up to two minutes), as a careful integration would. Every acknowledged write is
 * logged; {@code -Dmode=check} then compares that log with the database.
 *
 * <pre>
 *   load:  -Dbase=http://127.0.0.1:18080 -Dseconds=240 -Dthreads=6 -Dlog=acks.log -Djdbc=URL
 *   check: -Dmode=check -Dlog=acks.log -Dfaults=faults.log -Djdbc=URL
 * </pre>
 *
 * Log lines: {@code A ms kind key id marker} (acknowledged), {@code E ms kind what} (an error the
 * client saw, then retried), {@code R ms kind status} (refused for good: a 4xx).
 */
public final class FailoverLoad {

  static final String PASSWORD = "Huhang@2023";
  static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
  static final Pattern VERSION = Pattern.compile("\"version\":(\\d+)");
  static final String GIVEN = "安邦春晓德福恒嘉静凯岚明宁平清瑞盛天维欣雅怡永裕泽真志卓";
  static final long RETRY_FOR_MILLIS = 120_000;

  public static void main(String[] args) throws Exception {
    if ("check".equals(System.getProperty("mode"))) {
      check();
    } else {
      load();
    }
  }

  // ---------------------------------------------------------------- the load

  static PrintWriter log;
  static final AtomicLong counter = new AtomicLong();
  static final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  static void load() throws Exception {
    String base = System.getProperty("base", "http://127.0.0.1:18080");
    int seconds = Integer.getInteger("seconds", 240);
    int threads = Integer.getInteger("threads", 6);
    log = new PrintWriter(Files.newBufferedWriter(Path.of(System.getProperty("log", "acks.log"))), true);
    counter.set(System.currentTimeMillis() % 1_000_000 * 1_000);
    String registrar = "Bearer " + token(base, "registrar-371602");
    String counselor = "Bearer " + token(base, "counselor-371623");
    List<String> cases = counselorsCases(System.getProperty("jdbc"));
    for (String c : cases) {
      write(base, counselor, "consent", "/api/v1/cases/" + c + "/consents", "POST",
          "{\"party\":\"A\",\"purposes\":[\"COUNSELING\",\"SENSITIVE_PROCESSING\"]}", c);
    }
    long end = System.currentTimeMillis() + seconds * 1000L;
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      boolean records = t % 2 == 0;
      int index = t;
      Thread worker =
          new Thread(
              () -> {
                int i = 0;
                while (System.currentTimeMillis() < end) {
                  try {
                    if (records) {
                      application(base, registrar);
                    } else {
                      session(base, counselor, cases.get((index + i++) % cases.size()));
                    }
                  } catch (Exception e) {
                    line("E", "worker", e.getClass().getSimpleName());
                  }
                }
              });
      worker.start();
      workers.add(worker);
    }
    for (Thread w : workers) {
      w.join();
    }
    log.close();
  }

  static synchronized void line(String type, String kind, String rest) {
    log.println(type + " " + System.currentTimeMillis() + " " + kind + " " + rest);
  }

  /** One application with parties nobody has used (unique identity numbers and names). */
  static void application(String base, String bearer) throws Exception {
    long n = counter.getAndIncrement();
    LocalDate husband = LocalDate.of(1960, 1, 1).plusDays(n / 400 % 12000);
    LocalDate wife = husband.plusDays(300);
    int seq = (int) (n % 400) * 2;
    int g = GIVEN.length();
    String marker = "练" + GIVEN.charAt((int) (n % g)) + GIVEN.charAt((int) (n / g % g))
        + GIVEN.charAt((int) (n / g / g % g)) + GIVEN.charAt((int) (n / g / g / g % g));
    String body =
        """
        {"receivedOn":"%s",
         "partyA":{"name":"演习甲","gender":"MALE","birthDate":"%s","idNumber":"%s","phone":"13805430001"},
         "partyB":{"name":"%s","gender":"FEMALE","birthDate":"%s","idNumber":"%s"},
         "marriageDate":"2015-05-20","minorChildren":0,"counselingOffered":true,"counselingAccepted":false}"""
            .formatted(workingDay(), husband, idNumber(husband, seq + 1), marker, wife,
                idNumber(wife, seq));
    write(base, bearer, "application", "/api/v1/divorce-applications", "POST", body, marker);
  }

  /** One session held yesterday, scheduled, then its notes written. */
  static void session(String base, String bearer, String caseId) throws Exception {
    String marker = "演练室-" + counter.getAndIncrement();
    String yesterday = LocalDate.now(LegalTime.ZONE).minusDays(1) + "T10:00";
    String answer =
        write(base, bearer, "session", "/api/v1/cases/" + caseId + "/sessions", "POST",
            "{\"scheduledAt\":\"" + yesterday + "\",\"attendees\":\"A\",\"place\":\"" + marker + "\"}",
            marker);
    if (answer == null) {
      return;
    }
    Matcher id = ID.matcher(answer);
    Matcher version = VERSION.matcher(answer);
    if (!id.find() || !version.find()) {
      return;
    }
    String notes =
        "{\"partyA\":{\"beliefSystem\":\"演练笔记 " + marker + "\",\"thinkingAngle\":\"\","
            + "\"emotionalFeelings\":\"\",\"behaviour\":\"\",\"result\":\"\",\"conclusion\":\"\"},"
            + "\"freeNotes\":\"" + marker + "\"}";
    write(base, bearer, "notes",
        "/api/v1/cases/" + caseId + "/sessions/" + id.group(1) + "/notes?version=" + version.group(1),
        "PUT", notes, id.group(1));
  }

  /**
   * Sends until answered: the same key and body on every attempt. Returns the answer's body when it
   * was 2xx (acknowledged), null when refused for good. A PUT of notes answered 409 after an
   * attempt whose answer was lost is checked by reading the notes back.
   */
  static String write(String base, String bearer, String kind, String path, String method,
      String body, String marker) throws Exception {
    String key = UUID.randomUUID().toString();
    long until = System.currentTimeMillis() + RETRY_FOR_MILLIS;
    boolean retried = false;
    while (true) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(base + path))
              .timeout(Duration.ofSeconds(15))
              .header("Authorization", bearer)
              .header("Content-Type", "application/json")
              .header("Idempotency-Key", key)
              .method(method, HttpRequest.BodyPublishers.ofString(body));
      try {
        HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        int s = r.statusCode();
        if (s >= 200 && s < 300) {
          Matcher id = ID.matcher(r.body());
          line("A", kind, key + " " + (id.find() ? id.group(1) : "-") + " " + marker);
          return r.body();
        }
        if (s == 409 && kind.equals("notes") && retried && notesSaved(base, bearer, path, marker)) {
          line("A", kind, key + " " + marker + " " + marker);
          return "";
        }
        if (s < 500 && s != 429 && s != 409) {
          line("R", kind, s + " " + r.body().replace('\n', ' ').substring(0, Math.min(200, r.body().length())));
          return null;
        }
        line("E", kind, "status-" + s);
      } catch (IOException e) {
        line("E", kind, e.getClass().getSimpleName());
      }
      retried = true;
      if (System.currentTimeMillis() > until) {
        line("R", kind, "gave-up " + key);
        return null;
      }
      Thread.sleep(250);
    }
  }

  static boolean notesSaved(String base, String bearer, String path, String sessionId)
      throws Exception {
    String notesPath = path.substring(0, path.indexOf('?'));
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(base + notesPath))
                .timeout(Duration.ofSeconds(15))
                .header("Authorization", bearer)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return r.statusCode() == 200 && r.body().contains("演练笔记");
  }

  static String token(String base, String user) throws Exception {
    // On an external database the demo accounts get generated passwords, logged once at the first
    // start: the drill passes them as -Dpassword.USER.
    String password = System.getProperty("password." + user, PASSWORD);
    String basic =
        Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    for (int attempt = 0; ; attempt++) {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "/api/v1/me/tokens"))
                  .header("Authorization", "Basic " + basic)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(
                      "{\"name\":\"failover drill\",\"expiresOn\":\""
                          + LocalDate.now().plusDays(2) + "\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      Matcher m = MixedLoadServer.TOKEN.matcher(r.body());
      if (r.statusCode() == 201 && m.find()) {
        return m.group(1);
      }
      if (attempt > 20) {
        throw new IllegalStateException("token of " + user + ": " + r.statusCode());
      }
      Thread.sleep(500);
    }
  }

  static List<String> counselorsCases(String jdbc) throws Exception {
    try (Connection c = DriverManager.getConnection(jdbc, System.getProperty("dbUser", "huhang"), "");
        PreparedStatement s =
            c.prepareStatement(
                """
                select c.id::text from casework.counseling_case c
                 where c.status <> 'CLOSED'
                   and exists (select 1 from casework.team_member t
                                 join identity.app_user u on u.id = t.user_id
                                where t.case_id = c.id and t.removed_at is null
                                  and u.username = 'counselor-371623')
                 order by c.id limit 12""");
        ResultSet rs = s.executeQuery()) {
      List<String> ids = new ArrayList<>();
      while (rs.next()) {
        ids.add(rs.getString(1));
      }
      if (ids.isEmpty()) {
        throw new IllegalStateException("no open case of counselor-371623");
      }
      return ids;
    }
  }

  static String workingDay() {
    LocalDate d = LocalDate.now(LegalTime.ZONE);
    while (d.getDayOfWeek().getValue() > 5) {
      d = d.minusDays(1);
    }
    return d.toString();
  }

  static String idNumber(LocalDate birth, int seq) {
    String first17 =
        "371602" + birth.toString().replace("-", "") + String.format("%03d", seq % 1000);
    return first17 + ResidentIdNumber.checkCharacter(first17);
  }

  // ---------------------------------------------------------------- the check

  record Line(String type, long at, String kind, String rest) {}

  static void check() throws Exception {
    List<Line> lines = new ArrayList<>();
    for (String l : Files.readAllLines(Path.of(System.getProperty("log", "acks.log")))) {
      String[] p = l.split(" ", 4);
      if (p.length == 4) {
        lines.add(new Line(p[0], Long.parseLong(p[1]), p[2], p[3]));
      }
    }
    Map<String, Long> faults = new TreeMap<>();
    Path faultFile = Path.of(System.getProperty("faults", "faults.log"));
    if (Files.exists(faultFile)) {
      for (String l : Files.readAllLines(faultFile)) {
        String[] p = l.split(" ");
        if (p.length == 2) {
          faults.put(p[0], Long.parseLong(p[1]));
        }
      }
    }
    Map<String, Integer> acked = new HashMap<>();
    Map<String, Integer> errors = new HashMap<>();
    Map<String, Integer> refused = new HashMap<>();
    Set<String> applicationMarkers = new HashSet<>();
    Set<String> sessionMarkers = new HashSet<>();
    Set<String> notedSessions = new HashSet<>();
    List<Long> ackTimes = new ArrayList<>();
    for (Line l : lines) {
      switch (l.type()) {
        case "A" -> {
          acked.merge(l.kind(), 1, Integer::sum);
          ackTimes.add(l.at());
          String[] p = l.rest().split(" ");
          switch (l.kind()) {
            case "application" -> applicationMarkers.add(p[2]);
            case "session" -> sessionMarkers.add(p[2]);
            case "notes" -> notedSessions.add(p[2]);
            default -> {}
          }
        }
        case "E" -> errors.merge(l.kind(), 1, Integer::sum);
        case "R" -> refused.merge(l.kind(), 1, Integer::sum);
        default -> {}
      }
    }
    long requests = lines.stream().filter(l -> !l.kind().equals("worker")).count();
    int[] applications;
    int[] sessions;
    int lostNotes = 0;
    String deemed;
    try (Connection c = DriverManager.getConnection(System.getProperty("jdbc"), System.getProperty("dbUser", "huhang"), "")) {
      applications = lostAndDuplicated(applicationMarkers, counts(c,
          "select b_name, count(*) from registration.divorce_application where b_name like '练%' group by b_name"));
      sessions = lostAndDuplicated(sessionMarkers, counts(c,
          "select place, count(*) from casework.session where place like '演练室-%' group by place"));
      Map<String, Integer> noted = counts(c,
          "select id::text, 1 from casework.session where place like '演练室-%' and notes_cipher is not null");
      for (String s : notedSessions) {
        lostNotes += noted.containsKey(s) ? 0 : 1;
      }
      StringBuilder runs = new StringBuilder();
      try (PreparedStatement s = c.prepareStatement(
              "select day, instance, marked from registration.deemed_withdrawn_run order by day");
          ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          runs.append(rs.getString(1)).append(" by ").append(rs.getString(2)).append(" (")
              .append(rs.getInt(3)).append(" marked); ");
        }
      }
      deemed = runs.toString();
    }
    System.out.println();
    System.out.println("| figure | value |");
    System.out.println("|---|---|");
    System.out.printf("| requests sent (attempts, retries included) | %,d |%n", requests);
    System.out.printf("| errors seen by the client (then retried) | %s |%n", errors);
    System.out.printf("| refused for good (4xx, or gave up after 2 min) | %s |%n", refused);
    System.out.printf("| acknowledged writes | %s |%n", acked);
    System.out.printf("| lost writes (acknowledged, not in the database) | %d applications, %d sessions, %d notes |%n",
        applications[0], sessions[0], lostNotes);
    System.out.printf("| duplicates (one acknowledged write, more than one row) | %d applications, %d sessions |%n",
        applications[1], sessions[1]);
    System.out.printf("| deemed-withdrawn runs | %s |%n", deemed.isEmpty() ? "none" : deemed);
    ackTimes.sort(Long::compare);
    List<Map.Entry<String, Long>> ordered = new ArrayList<>(faults.entrySet());
    ordered.sort(Map.Entry.comparingByValue());
    for (int i = 0; i < ordered.size(); i++) {
      Map.Entry<String, Long> f = ordered.get(i);
      if (f.getKey().endsWith("-promoted")) {
        continue;
      }
      long from = f.getValue();
      long to = from + 120_000;
      for (int j = i + 1; j < ordered.size(); j++) {
        if (!ordered.get(j).getKey().endsWith("-promoted")) {
          to = Math.min(to, ordered.get(j).getValue());
          break;
        }
      }
      // The gap that spans the fault: from the last acknowledged write before it to the next.
      long previous = from;
      for (long t : ackTimes) {
        if (t <= from) {
          previous = t;
        }
      }
      long gap = 0;
      for (long t : ackTimes) {
        if (t > from && t < to) {
          gap = Math.max(gap, t - previous);
          previous = t;
        }
      }
      System.out.printf("| longest time without an acknowledged write after %s | %.1f s |%n",
          f.getKey(), gap / 1000.0);
    }
    if (faults.containsKey("primary-stopped") && faults.containsKey("standby-promoted")) {
      System.out.printf("| promotion done after the primary stopped | %.1f s |%n",
          (faults.get("standby-promoted") - faults.get("primary-stopped")) / 1000.0);
    }
  }

  /**
   * How many acknowledged markers have no row (lost) and how many rows beyond the first the others
   * have (duplicates). Rows nobody acknowledged may exist (an answer lost for good): not counted.
   */
  static int[] lostAndDuplicated(Set<String> acknowledged, Map<String, Integer> rows) {
    int lost = 0;
    int duplicated = 0;
    for (String m : acknowledged) {
      int n = rows.getOrDefault(m, 0);
      lost += n == 0 ? 1 : 0;
      duplicated += Math.max(0, n - 1);
    }
    return new int[] {lost, duplicated};
  }

  static Map<String, Integer> counts(Connection c, String sql) throws Exception {
    Map<String, Integer> m = new HashMap<>();
    try (PreparedStatement s = c.prepareStatement(sql);
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        m.put(rs.getString(1), rs.getInt(2));
      }
    }
    return m;
  }
}
