package org.huhang.shared.demo;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Issue 13, the mixed load (bench/run-mixed-load.sh, which starts Huhang through {@code
 * MixedLoadServer} first): {@code /actuator/health} alone for {@code -DhealthSeconds} (20, after 5
 * s warm-up) with {@code -DhealthUsers} (8) users each sending request after request, then the
 * mix for {@code -Dminutes} (5) as an open model whose arrival rate steps up: level i (0-based)
 * brings {@code (i + 1) × -Drate} visits per second (default 10), split registrars 20 %,
 * counselors 20 %, managers 20 %, analysts 10 %, API clients 30 %; 10 levels in 5 minutes (30 s
 * each), 4 of 15 s in a 1-minute smoke run. A visit is what one person does in a minute:
 *
 * <ul>
 *   <li>registrar (session): the blank form, the application posted (302 to its page: a new row),
 *       its page naming party A;
 *   <li>counselor (session): the sessions of one of her cases, one held yesterday (from a pool the
 *       server scheduled, taken in turn), the notes posted (302), the page again showing them;
 *   <li>manager (session): the referral queue, the cases list as htmx asks for it, the home page;
 *   <li>analyst (session): the city's dashboard since 2018, a county's for this year;
 *   <li>API client (personal tokens): the cooling-off dates, the city's summary, the registrar's
 *       applications.
 * </ul>
 *
 * Every answer is checked (status and a marker of its body); a visit ends at its first failed
 * check. Per level the requests/s, p50, p95 and errors; the sustained throughput is that of the
 * highest level with p95 < 200 ms and no error, compared with health's; heap and pool from the
 * server's samples.
 */
public class MixedLoadSimulation extends Simulation {

  static final Recorder REC = new Recorder();
  static final Map<String, Double> SHARE =
      new LinkedHashMap<>(
          Map.of(
              "registrar", 0.2, "counselor", 0.2, "manager", 0.2, "analyst", 0.1, "api", 0.3));

  final Properties server = load();
  final int minutes = option("minutes", 5);
  final double rate = Double.parseDouble(server.getProperty("rate", "10"));
  final int levels = option("levels", minutes >= 5 ? 10 : Math.max(2, minutes * 4));
  final int levelSeconds = minutes * 60 / levels;
  final int healthUsers = option("healthUsers", 8);
  final int healthWarmup = 5;
  final int healthSeconds = option("healthSeconds", 20);
  final LocalDate today = LocalDate.parse(server.getProperty("today"));
  final AtomicLong people = new AtomicLong();
  final AtomicLong notes = new AtomicLong();

  /** The options as bench/run-mixed-load.sh gave them to the server (which wrote them down). */
  int option(String name, int fallback) {
    return Integer.parseInt(server.getProperty(name, Integer.toString(fallback)));
  }

  static Properties load() {
    Path file = Path.of(System.getProperty("mixed.dir", "target/mixed-load"), "server.properties");
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (Exception e) {
      throw new IllegalStateException("no " + file + ": start MixedLoadServer first", e);
    }
    return p;
  }

  HttpProtocolBuilder protocol =
      http.baseUrl(server.getProperty("base"))
          .acceptLanguageHeader("zh-CN,zh;q=0.9")
          .userAgentHeader("huhang-mixed-load")
          .disableFollowRedirect()
          .disableWarmUp();

  /** One request: its checks after the response time (kept for the per-level figures). */
  static ChainBuilder call(String scenario, HttpRequestActionBuilder request, CheckBuilder... checks) {
    List<CheckBuilder> all = new ArrayList<>();
    all.add(responseTimeInMillis().saveAs("rt"));
    all.addAll(Arrays.asList(checks));
    return exec(s -> s.remove("rt"))
        .exec(request.check(all))
        .exec(
            s -> {
              REC.record(scenario, s);
              return s;
            })
        .exitHereIfFailed();
  }

  Iterator<Map<String, Object>> sessions(String user) {
    List<Map<String, Object>> rows =
        Stream.of(server.getProperty("sessions." + user).split(","))
            .map(v -> Map.<String, Object>of("sessionCookie", v))
            .toList();
    return Stream.generate(() -> rows).flatMap(List::stream).iterator();
  }

  static ChainBuilder begin(Iterator<Map<String, Object>> feeder) {
    return exec(
            s -> {
              REC.mixStarted();
              return s;
            })
        .feed(feeder)
        .exec(addCookie(Cookie("SESSION", "#{sessionCookie}")));
  }

  /** A valid resident identity number (GB 11643) of a Binzhou county. */
  static String idNumber(String county, LocalDate birth, int sequence) {
    String first17 =
        county + birth.toString().replace("-", "") + String.format("%03d", sequence);
    int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * weights[i];
    }
    return first17 + "10X98765432".charAt(sum % 11);
  }

  static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗";
  static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰红梅建国志";

  /** Two parties nobody has used yet: unique identity numbers, so no pending application clashes. */
  Iterator<Map<String, Object>> couples() {
    return Stream.generate(
            () -> {
              long n = people.getAndIncrement();
              LocalDate husband = LocalDate.of(1962, 1, 1).plusDays(n / 400 % 9000);
              LocalDate wife = husband.plusDays(400);
              int seq = (int) (n % 400) * 2;
              Map<String, Object> m = new HashMap<>();
              m.put("aName", name(n, 0));
              m.put("aBirth", husband.toString());
              m.put("aId", idNumber("371602", husband, seq + 1));
              m.put("bName", name(n, 7));
              m.put("bBirth", wife.toString());
              m.put("bId", idNumber("371602", wife, seq));
              return m;
            })
        .iterator();
  }

  static String name(long n, int shift) {
    return ""
        + SURNAMES.charAt((int) ((n + shift) % SURNAMES.length()))
        + GIVEN.charAt((int) ((n / 3 + shift) % GIVEN.length()))
        + GIVEN.charAt((int) ((n / 7 + shift * 3) % GIVEN.length()));
  }

  /** The last working day up to today (a registrar receives on working days). */
  LocalDate received() {
    LocalDate d = today;
    while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
      d = d.minusDays(1);
    }
    return d;
  }

  ScenarioBuilder registrar() {
    String received = received().toString();
    return scenario("registrar")
        .exec(begin(sessions("registrar-371602")))
        .feed(couples())
        .exec(
            call(
                "registrar",
                http("registrar: blank form").get("/registrations/new"),
                status().is(200),
                substring("name=\"partyA.idNumber\""),
                css("input[name=_csrf]", "value").saveAs("csrf")))
        .exec(
            call(
                "registrar",
                http("registrar: application posted")
                    .post("/registrations")
                    .formParam("_csrf", "#{csrf}")
                    .formParam("receivedOn", received)
                    .formParam("partyA.name", "#{aName}")
                    .formParam("partyA.gender", "MALE")
                    .formParam("partyA.birthDate", "#{aBirth}")
                    .formParam("partyA.idNumber", "#{aId}")
                    .formParam("partyB.name", "#{bName}")
                    .formParam("partyB.gender", "FEMALE")
                    .formParam("partyB.birthDate", "#{bBirth}")
                    .formParam("partyB.idNumber", "#{bId}")
                    .formParam("marriageDate", "2012-05-20")
                    .formParam("minorChildren", "1")
                    .formParam("counselingOffered", "true"),
                status().is(302),
                headerRegex("Location", "/registrations/([0-9a-f-]{36})$").saveAs("applicationId")))
        .exec(
            call(
                "registrar",
                http("registrar: application page").get("/registrations/#{applicationId}"),
                status().is(200),
                substring("<strong>#{aName}</strong>"),
                substring("id=\"withdrawal-deadline\"")));
  }

  ScenarioBuilder counselor() {
    List<Map<String, Object>> held =
        Stream.of(server.getProperty("notes.counselor-371623").split(","))
            .map(v -> Map.<String, Object>of("caseId", v.split(":")[0], "sessionId", v.split(":")[1]))
            .toList();
    Iterator<Map<String, Object>> heldFeeder =
        Stream.generate(() -> held).flatMap(List::stream).iterator();
    return scenario("counselor")
        .exec(begin(sessions("counselor-371623")))
        .feed(heldFeeder)
        .exec(
            s ->
                s.set(
                    "note",
                    "压测会谈记录第" + notes.incrementAndGet() + "号：双方情绪平稳，约定下周再谈。"))
        .exec(
            call(
                "counselor",
                http("counselor: case sessions").get("/cases/#{caseId}/sessions"),
                status().is(200),
                substring("/sessions/#{sessionId}")))
        .exec(
            call(
                "counselor",
                http("counselor: session page").get("/cases/#{caseId}/sessions/#{sessionId}"),
                status().is(200),
                css("input[name=version]", "value").saveAs("version"),
                css("input[name=_csrf]", "value").saveAs("csrf")))
        .exec(
            call(
                "counselor",
                http("counselor: notes posted")
                    .post("/cases/#{caseId}/sessions/#{sessionId}/notes")
                    .formParam("_csrf", "#{csrf}")
                    .formParam("version", "#{version}")
                    .formParam("freeNotes", "#{note}"),
                status().is(302),
                headerRegex("Location", "/cases/[0-9a-f-]{36}/sessions/([0-9a-f-]{36})$")
                    .is(session -> session.getString("sessionId"))))
        .exec(
            call(
                "counselor",
                http("counselor: notes shown").get("/cases/#{caseId}/sessions/#{sessionId}"),
                status().is(200),
                substring("#{note}")));
  }

  ScenarioBuilder manager() {
    return scenario("manager")
        .exec(begin(sessions("manager-371623")))
        .exec(
            call(
                "manager",
                http("manager: referral queue").get("/referrals"),
                status().is(200),
                substring("id=\"referral-queue\"")))
        .exec(
            call(
                "manager",
                http("manager: cases (htmx)").get("/cases").header("HX-Request", "true"),
                status().is(200),
                substring("id=\"case-table\"")))
        .exec(
            call(
                "manager",
                http("manager: home").get("/"),
                status().is(200),
                substring("</html>")));
  }

  ScenarioBuilder analyst() {
    return scenario("analyst")
        .exec(begin(sessions("analyst")))
        .exec(
            call(
                "analyst",
                http("analyst: city dashboard since 2018").get("/stats?region=371600&period=since2018"),
                status().is(200),
                substring("id=\"stats-cards\"")))
        .exec(
            call(
                "analyst",
                http("analyst: county dashboard this year").get("/stats?region=371623&period=year"),
                status().is(200),
                substring("id=\"stats-cards\"")));
  }

  ScenarioBuilder api() {
    String analyst = "Bearer " + server.getProperty("token.analyst");
    String registrar = "Bearer " + server.getProperty("token.registrar");
    return scenario("api")
        .exec(
            s -> {
              REC.mixStarted();
              return s.set("day", LocalDate.of(2024, 3, 1).plusDays(s.userId() % 200).toString());
            })
        .exec(
            call(
                "api",
                http("api: cooling-off")
                    .get("/api/v1/cooling-off?receivedOn=#{day}")
                    .header("Authorization", analyst),
                status().is(200),
                jsonPath("$.withdrawalDeadline").exists()))
        .exec(
            call(
                "api",
                http("api: city summary")
                    .get("/api/v1/stats/summary?region=371600&from=2018-01-01&to=" + today)
                    .header("Authorization", analyst),
                status().is(200),
                jsonPath("$.regionCode").is("371600")))
        .exec(
            call(
                "api",
                http("api: applications")
                    .get("/api/v1/divorce-applications?size=20")
                    .header("Authorization", registrar),
                status().is(200),
                jsonPath("$.items").exists()));
  }

  ScenarioBuilder health() {
    return scenario("health")
        .exec(
            s -> {
              REC.healthStarted();
              return s;
            })
        .during(Duration.ofSeconds(healthWarmup + healthSeconds))
        .on(
            call(
                "health",
                http("health").get("/actuator/health"),
                status().is(200),
                substring("UP")));
  }

  PopulationBuilder stepped(ScenarioBuilder scenario, double share) {
    return scenario
        .injectOpen(
            incrementUsersPerSec(rate * share)
                .times(levels)
                .eachLevelLasting(Duration.ofSeconds(levelSeconds))
                .startingFrom(rate * share))
        .protocols(protocol);
  }

  {
    REC.levelMillis = levelSeconds * 1000L;
    REC.levels = levels;
    System.out.printf(
        "health: %d users for %d s (+%d s warm-up); mix: %d levels of %d s, level i brings (i+1) x %.1f visits/s%n",
        healthUsers, healthSeconds, healthWarmup, levels, levelSeconds, rate);
    setUp(
        health()
            .injectOpen(atOnceUsers(healthUsers))
            .protocols(protocol)
            .andThen(
                stepped(registrar(), SHARE.get("registrar")),
                stepped(counselor(), SHARE.get("counselor")),
                stepped(manager(), SHARE.get("manager")),
                stepped(analyst(), SHARE.get("analyst")),
                stepped(api(), SHARE.get("api"))));
  }

  @Override
  public void after() {
    REC.report(this);
  }

  /** Every request's start, scenario, response time and outcome, for the figures per level. */
  static final class Recorder {
    record Hit(long start, String scenario, long millis, boolean ok) {}

    final ConcurrentLinkedQueue<Hit> hits = new ConcurrentLinkedQueue<>();
    final AtomicLong mixStart = new AtomicLong();
    final AtomicLong healthStart = new AtomicLong();
    volatile long levelMillis;
    volatile int levels;

    void mixStarted() {
      mixStart.compareAndSet(0, System.currentTimeMillis());
    }

    void healthStarted() {
      healthStart.compareAndSet(0, System.currentTimeMillis());
    }

    void record(String scenario, Session s) {
      long now = System.currentTimeMillis();
      Object rt = s.contains("rt") ? s.get("rt") : null;
      long millis = rt instanceof Number n ? n.longValue() : -1;
      hits.add(new Hit(millis < 0 ? now : now - millis, scenario, millis, !s.isFailed() && millis >= 0));
    }

    static long pct(long[] sorted, double p) {
      return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))];
    }

    static long[] times(List<Hit> hits) {
      return hits.stream().filter(Hit::ok).mapToLong(Hit::millis).sorted().toArray();
    }

    void report(MixedLoadSimulation sim) {
      List<Hit> all = new ArrayList<>(hits);
      long hs = healthStart.get() + sim.healthWarmup * 1000L;
      long he = hs + sim.healthSeconds * 1000L;
      List<Hit> health =
          all.stream().filter(h -> h.scenario().equals("health") && h.start() >= hs && h.start() < he).toList();
      double healthRate = health.size() / (double) sim.healthSeconds;
      long[] ht = times(health);
      List<Hit> mix = all.stream().filter(h -> !h.scenario().equals("health")).toList();
      long m0 = mixStart.get();
      Map<Integer, List<Hit>> byLevel =
          mix.stream()
              .collect(
                  Collectors.groupingBy(
                      h -> (int) Math.max(0, Math.min(levels - 1, (h.start() - m0) / levelMillis))));
      System.out.println();
      System.out.println("=== Mixed load (issue 13) ===");
      System.out.printf(
          "health alone: %d users, %d s measured: %.1f req/s, p50 %d ms, p95 %d ms, errors %d%n",
          sim.healthUsers, sim.healthSeconds, healthRate, pct(ht, .5), pct(ht, .95),
          health.stream().filter(h -> !h.ok()).count());
      System.out.println();
      System.out.printf("%-10s %12s %10s %8s %8s %8s%n", "level", "visits/s", "req/s", "p50 ms", "p95 ms", "errors");
      int best = -1;
      double bestRate = 0;
      for (int i = 0; i < levels; i++) {
        List<Hit> l = byLevel.getOrDefault(i, List.of());
        long[] t = times(l);
        long errors = l.stream().filter(h -> !h.ok()).count();
        double r = l.size() / (levelMillis / 1000.0);
        boolean sustained = pct(t, .95) < 200 && errors == 0 && !l.isEmpty();
        if (sustained && r > bestRate) {
          best = i;
          bestRate = r;
        }
        System.out.printf(
            "%-10s %12.1f %10.1f %8d %8d %8d%s%n",
            (i + 1) + "/" + levels, (i + 1) * sim.rate, r, pct(t, .5), pct(t, .95), errors,
            sustained ? "" : "   (not sustained)");
      }
      System.out.println();
      System.out.printf("%-10s %10s %8s %8s %8s%n", "scenario", "requests", "errors", "p50 ms", "p95 ms");
      for (String scenario : SHARE.keySet()) {
        List<Hit> l = mix.stream().filter(h -> h.scenario().equals(scenario)).toList();
        long[] t = times(l);
        System.out.printf(
            "%-10s %10d %8d %8d %8d%n",
            scenario, l.size(), l.stream().filter(h -> !h.ok()).count(), pct(t, .5), pct(t, .95));
      }
      long[] mt = times(mix);
      System.out.printf(
          "%-10s %10d %8d %8d %8d%n",
          "all", mix.size(), mix.stream().filter(h -> !h.ok()).count(), pct(mt, .5), pct(mt, .95));
      System.out.println();
      if (best < 0) {
        System.out.println("sustained mixed throughput: none of the levels kept p95 < 200 ms without error");
      } else {
        System.out.printf(
            "sustained mixed throughput (level %d: p95 < 200 ms, no error): %.1f req/s; health %.1f req/s; ratio %.1f %%%n",
            best + 1, bestRate, healthRate, 100 * bestRate / healthRate);
      }
      samples(sim, m0, best);
    }

    /** Heap and pool from the server's samples: during the whole mix and at the sustained level. */
    void samples(MixedLoadSimulation sim, long m0, int best) {
      Path file = Path.of(sim.server.getProperty("samples"));
      List<double[]> rows;
      try (Stream<String> lines = Files.lines(file)) {
        rows =
            lines.skip(1)
                .map(l -> Arrays.stream(l.split(",")).mapToDouble(Double::parseDouble).toArray())
                .toList();
      } catch (Exception e) {
        System.out.println("no samples: " + e);
        return;
      }
      long m1 = m0 + levels * levelMillis;
      print("whole run", rows);
      print("mix", rows.stream().filter(r -> r[0] >= m0 && r[0] < m1).toList());
      if (best >= 0) {
        long b0 = m0 + best * levelMillis;
        print("sustained level", rows.stream().filter(r -> r[0] >= b0 && r[0] < b0 + levelMillis).toList());
      }
    }

    static void print(String what, List<double[]> rows) {
      if (rows.isEmpty()) {
        return;
      }
      System.out.printf(
          "%-16s heap used %.0f–%.0f MB; pool active %.0f–%.0f of %.0f, pending %.0f–%.0f, time-outs %.0f (%d samples)%n",
          what + ":",
          rows.stream().mapToDouble(r -> r[1]).min().orElse(0),
          rows.stream().mapToDouble(r -> r[1]).max().orElse(0),
          rows.stream().mapToDouble(r -> r[2]).min().orElse(0),
          rows.stream().mapToDouble(r -> r[2]).max().orElse(0),
          rows.stream().mapToDouble(r -> r[5]).max().orElse(0),
          rows.stream().mapToDouble(r -> r[4]).min().orElse(0),
          rows.stream().mapToDouble(r -> r[4]).max().orElse(0),
          rows.stream().mapToDouble(r -> r[6]).max().orElse(0),
          rows.size());
    }
  }
}
