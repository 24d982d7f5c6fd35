package org.huhang.volunteer.internal;

import org.huhang.shared.BenchApp;
import org.huhang.shared.spreadsheet.ImportReport;
import org.huhang.shared.spreadsheet.StagedImports;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.huhang.center.CenterView;
import org.huhang.center.Centers;
import org.huhang.shared.Actor;
import org.huhang.shared.Role;
import org.huhang.shared.person.Gender;
import org.huhang.shared.person.ResidentIdNumber;
import org.huhang.volunteer.Background;
import org.huhang.volunteer.RegisterVolunteer;
import org.huhang.volunteer.VolunteerStatus;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Issue 3 targets, measured on this machine: (1) with 50,000 volunteers a search answers in under
 * 30 ms at the 95th percentile; (2) 10,000 rows import in under 10 s.
 *
 * <p>Starts Huhang on a fresh embedded PostgreSQL (demo data on), generates the volunteers with
 * a fixed seed, then sends the htmx live-search request a browser sends (logged in, session
 * cookie) with a mix of queries: initials, full pinyin, characters, traditional characters,
 * filters, no query; and times the import of a generated 10,000-row file through the same code
 * as the upload. Run with bench/run-volunteers.sh.
 */
public final class VolunteerBenchmark {

  static final int VOLUNTEERS = Integer.getInteger("volunteers", 50_000);
  static final int IMPORT_ROWS = Integer.getInteger("importRows", 10_000);
  static final int WARMUP = 300;
  static final int MEASURED = 2_000;

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("huhang-bench-");
    try (ConfigurableApplicationContext app =
        BenchApp.start(dir, "--huhang.demo-history=false")) {
      VolunteerRegistry registry = app.getBean(VolunteerRegistry.class);
      Centers centers = app.getBean(Centers.class);
      List<CenterView> all = centers.all();
      Random random = new Random(42);
      Set<String> ids = new HashSet<>();

      long t0 = System.nanoTime();
      for (int done = 0; done < VOLUNTEERS; done += 5_000) {
        registry.registerAll(people(Math.min(5_000, VOLUNTEERS - done), all, random, ids), all);
      }
      System.out.printf("generated %,d volunteers in %.1f s%n", VOLUNTEERS, (System.nanoTime() - t0) / 1e9);
      app.getBean(org.springframework.jdbc.core.simple.JdbcClient.class).sql("vacuum analyze").update();

      if (Boolean.getBoolean("explain")) {
        var jdbc = app.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
        for (String sql :
            List.of(
                "select count(*) from (select 1 from volunteer.volunteer v where region_path like '/370000/371600/%' and search_keys @> array['l'] and background = 'SOCIAL_WORKER' limit 1001) m",
                "select id from volunteer.volunteer v where region_path like '/370000/371600/%' and search_keys @> array['l'] and background = 'SOCIAL_WORKER' order by sort_key, name, id limit 20",
                "select count(*) from (select 1 from volunteer.volunteer v where region_path like '/370000/371600/%' and search_keys @> array['zh'] limit 1001) m")) {
          System.out.println(sql);
          jdbc.sql("explain (analyze, buffers) " + sql).query(String.class).list().forEach(l -> System.out.println("  " + l));
        }
      }
      int port = Integer.parseInt(app.getBean(Environment.class).getProperty("local.server.port"));
      double health = healthBenchmark(port);
      double city = searchBenchmark(port, "admin", random);
      double county = searchBenchmark(port, "admin-371623", random);
      System.out.printf(
          "p95 ÷ health's p95 (%.1f ms, one client, same run): city %.1f, county %.1f%n",
          health, city / health, county / health);

      byte[] file = importFile(IMPORT_ROWS, all, random, ids);
      StagedImports imports = app.getBean(StagedImports.class);
      VolunteerRows rows = app.getBean(VolunteerRows.class);
      Actor admin = new Actor(null, "admin", "bench", Role.CITY_ADMIN, "371600", "滨州市", "/370000/371600/");
      long i0 = System.nanoTime();
      ImportReport report = imports.importNow(rows, file, "bench.xlsx", admin);
      double seconds = (System.nanoTime() - i0) / 1e9;
      System.out.printf(
          "import of %,d rows (%.1f MB): %.2f s, %d new, %d errors (target < 10 s)%n",
          IMPORT_ROWS, file.length / 1e6, seconds, report.newRows(), report.errors().size());
    }
  }

  /**
   * Registers {@code n} generated volunteers (random names, valid identity numbers, every center)
   * through the registry's bulk path, 5,000 a batch: the data of other benchmarks.
   */
  public static void generate(ConfigurableApplicationContext app, int n, long seed) {
    VolunteerRegistry registry = app.getBean(VolunteerRegistry.class);
    List<CenterView> all = app.getBean(Centers.class).all();
    Random random = new Random(seed);
    Set<String> ids = new HashSet<>();
    for (int done = 0; done < n; done += 5_000) {
      registry.registerAll(people(Math.min(5_000, n - done), all, random, ids), all);
    }
  }

  /**
   * {@code /actuator/health} as the searches are sent (one client, one request at a time, the
   * same warm-up and count): the limit measured beside them. Returns its p95 in ms.
   */
  static double healthBenchmark(int port) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build();
    long[] nanos = new long[MEASURED];
    for (int i = 0; i < WARMUP + MEASURED; i++) {
      long start = System.nanoTime();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      long elapsed = System.nanoTime() - start;
      if (response.statusCode() != 200) {
        throw new IllegalStateException("health answered " + response.statusCode());
      }
      if (i >= WARMUP) {
        nanos[i - WARMUP] = elapsed;
      }
    }
    Arrays.sort(nanos);
    System.out.printf(
        "health %,d requests: p50 %.1f ms, p95 %.1f ms%n", MEASURED, ms(nanos, 0.50), ms(nanos, 0.95));
    return ms(nanos, 0.95);
  }

  /** Returns the p95 in ms. */
  static double searchBenchmark(int port, String user, Random random) throws Exception {
    HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    String base = "http://localhost:" + port;
    String login = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
    String token = login.replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
    http.send(
        HttpRequest.newBuilder(URI.create(base + "/login"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=Huhang%402023&_csrf=" + token))
            .build(),
        HttpResponse.BodyHandlers.discarding());
    String[] queries = {
      "q=zhm", "q=zh", "q=wang", "q=lixiu", "q=chenjh", "q=" + enc("红梅"), "q=" + enc("王"), "q=" + enc("張秀"),
      "background=LAWYER", "speciality=PARENTING&status=ACTIVE", "q=l&background=SOCIAL_WORKER", "", "county=371681&q=z",
      "sort=JOINED", "q=yang&page=3"
    };
    long[] nanos = new long[MEASURED];
    java.util.Map<String, List<Long>> byQuery = new java.util.LinkedHashMap<>();
    for (int i = 0; i < WARMUP + MEASURED; i++) {
      String query = queries[i % queries.length];
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(base + "/volunteers?" + query)).header("HX-Request", "true").build();
      long start = System.nanoTime();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      long elapsed = System.nanoTime() - start;
      if (response.statusCode() != 200 || !response.body().contains("volunteer-table")) {
        throw new IllegalStateException("search failed: " + response.statusCode());
      }
      if (i >= WARMUP) {
        nanos[i - WARMUP] = elapsed;
        byQuery.computeIfAbsent(query, k -> new ArrayList<>()).add(elapsed);
      }
    }
    Arrays.sort(nanos);
    System.out.printf(
        "search as %-13s %,d requests: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms (target p95 < 30 ms)%n",
        user, MEASURED, ms(nanos, 0.50), ms(nanos, 0.95), ms(nanos, 0.99), nanos[nanos.length - 1] / 1e6);
    if (Boolean.getBoolean("perQuery")) {
      byQuery.forEach(
          (q, list) -> {
            long[] sorted = list.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("    %-40s p50 %5.1f ms  p95 %5.1f ms%n", q.isEmpty() ? "(all)" : q, ms(sorted, 0.5), ms(sorted, 0.95));
          });
    }
    return ms(nanos, 0.95);
  }

  static double ms(long[] sorted, double quantile) {
    return sorted[(int) Math.ceil(quantile * sorted.length) - 1] / 1e6;
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static final String SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文欧阳";
  static final String GIVEN = "红梅秀英桂兰玉丽华淑珍海燕春霞晓娟文静雪艳美玲凤慧敏俊云萍金素芳爱立新婷怡欣悦佳琪雨涵思梦洁晨曦国强志刚建军明辉";

  static List<RegisterVolunteer> people(int n, List<CenterView> centers, Random random, Set<String> ids) {
    List<RegisterVolunteer> list = new ArrayList<>(n);
    Background[] backgrounds = Background.values();
    for (int i = 0; i < n; i++) {
      CenterView center = centers.get(random.nextInt(centers.size()));
      LocalDate birth = LocalDate.of(1950 + random.nextInt(50), 1 + random.nextInt(12), 1 + random.nextInt(28));
      Gender gender = random.nextInt(10) < 8 ? Gender.FEMALE : Gender.MALE;
      list.add(
          new RegisterVolunteer(
              name(random), gender, birth, id(center.regionCode().substring(0, 6), birth, gender, random, ids),
              String.format("13%09d", random.nextInt(1_000_000_000)), backgrounds[random.nextInt(backgrounds.length)],
              List.of(), "普通话", List.of(), center.id().value(), VolunteerStatus.ACTIVE, LocalDate.of(2020, 1, 1), null));
    }
    return list;
  }

  static String name(Random random) {
    int s = random.nextInt(SURNAMES.length() - 1);
    String surname = s == SURNAMES.length() - 2 ? "欧阳" : String.valueOf(SURNAMES.charAt(s));
    StringBuilder name = new StringBuilder(surname);
    for (int k = 0, len = 1 + random.nextInt(2); k < len; k++) {
      name.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
    }
    return name.toString();
  }

  static String id(String county, LocalDate birth, Gender gender, Random random, Set<String> taken) {
    while (true) {
      int seq = random.nextInt(500) * 2 + (gender == Gender.MALE ? 1 : 0);
      String first17 = county + birth.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", seq);
      String id = first17 + ResidentIdNumber.checkCharacter(first17);
      if (taken.add(id)) {
        return id;
      }
    }
  }

  static byte[] importFile(int rows, List<CenterView> centers, Random random, Set<String> ids) throws Exception {
    List<RegisterVolunteer> people = people(rows, centers, random, ids);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Workbook wb = new Workbook(out, "bench", "1.0");
    Worksheet ws = wb.newWorksheet("志愿者");
    String[] headers = {"姓名", "性别", "出生日期", "身份证号", "手机号", "背景类别", "所属中心", "专长", "方言", "状态", "加入日期"};
    for (int c = 0; c < headers.length; c++) {
      ws.value(0, c, headers[c]);
    }
    String[] labels = {"妇联干部", "律师", "心理咨询师", "社工", "婚姻家庭指导师", "爱心人士"};
    for (int r = 0; r < people.size(); r++) {
      RegisterVolunteer p = people.get(r);
      String center = centers.stream().filter(c -> c.id().value().equals(p.centerId())).findFirst().orElseThrow().name();
      String[] row = {
        p.name(), p.gender() == Gender.MALE ? "男" : "女", p.birthDate().toString(), p.idNumber(), p.phone(),
        labels[p.background().ordinal()], center, "家庭教育、夫妻沟通", "普通话", "在岗", "2023-05-01"
      };
      for (int c = 0; c < row.length; c++) {
        ws.value(r + 1, c, row[c]);
      }
    }
    wb.finish();
    return out.toByteArray();
  }
}
