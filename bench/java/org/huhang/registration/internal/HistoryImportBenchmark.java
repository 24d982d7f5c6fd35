package org.huhang.registration.internal;

import org.huhang.shared.BenchApp;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.huhang.shared.Actor;
import org.huhang.shared.Role;
import org.huhang.shared.person.ResidentIdNumber;
import org.huhang.shared.spreadsheet.ImportReport;
import org.huhang.shared.spreadsheet.StagedImports;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 12: the registration system's history of a city, about 44,000 applications received
 * 2018-01-01 to 2023-09-30 over the seven counties of Binzhou, in one CSV, through the staged import
 * (preview, then confirmation; then the same file again, which must add nothing).
 *
 * <p>{@link #main} starts Huhang on a throw-away embedded PostgreSQL, writes the file ({@code
 * -Drows}, {@code -Dcharset=GBK|UTF-8}, {@code -Dout}, whose ending .xlsx makes a workbook; kept for
 * a look) and times each step with the
 * heap it used. Run with bench/run-history-import.sh (which passes -Xmx512m).
 */
public final class HistoryImportBenchmark {

  static final int ROWS = Integer.getInteger("rows", 44_000);
  static final String[] COUNTIES = {
    "371602", "371603", "371621", "371622", "371623", "371625", "371681"
  };
  static final String SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎";
  static final String GIVEN = "伟强磊军洋勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆芳娜敏静丽艳娟霞秀玲桂英梅琳燕红晶雪慧颖倩婷";
  static final String HEADER =
      "受理日期,甲方姓名,甲方性别,甲方出生日期,甲方身份证号,甲方电话,乙方姓名,乙方性别,乙方出生日期,乙方身份证号,乙方电话,结婚登记日期,未成年子女数,提供辅导,接受辅导,办理结果,办结日期";

  public static void main(String[] args) throws Exception {
    Charset charset = Charset.forName(System.getProperty("charset", "UTF-8"));
    Path out = Path.of(System.getProperty("out", "target/history-" + ROWS + ".csv"));
    Path dir = Files.createTempDirectory("huhang-history-");
    try (ConfigurableApplicationContext app =
        BenchApp.start(dir, "--huhang.demo-history=false")) {
      // Deadlines as the platform counts them (the shipped holiday calendar), so rows are valid.
      CoolingOffClock clock = app.getBean(HolidayCalendars.class).clock();
      long t0 = System.nanoTime();
      write(out, ROWS, charset, new Random(2018_0101L), clock);
      System.out.printf(
          "wrote %,d rows (%s, %.1f MB) to %s in %.1f s%n",
          ROWS, charset, Files.size(out) / 1e6, out, (System.nanoTime() - t0) / 1e9);
      StagedImports imports = app.getBean(StagedImports.class);
      ApplicationRows rows = app.getBean(ApplicationRows.class);
      Actor registrar =
          new Actor(null, "bench", "bench", Role.REGISTRAR, "371600", "滨州市", "/370000/371600/");
      byte[] content = Files.readAllBytes(out);
      long t = System.nanoTime();
      ImportReport preview = imports.preview(rows, content, out.getFileName().toString(), registrar);
      double previewS = (System.nanoTime() - t) / 1e9;
      System.out.printf(
          "preview %.1f s: %,d new, %,d present, %d refused; live heap after %d MB of %d MB%n",
          previewS,
          preview.newRows(),
          preview.alreadyPresent(),
          preview.errors().size(),
          liveHeap() >> 20,
          Runtime.getRuntime().maxMemory() >> 20);
      if (!preview.importable()) {
        System.out.println("refused: " + preview.errors().stream().limit(5).toList());
        return;
      }
      t = System.nanoTime();
      ImportReport done = imports.confirm(rows, preview.token(), registrar);
      double confirmS = (System.nanoTime() - t) / 1e9;
      System.out.printf(
          "confirm %.1f s: %,d saved; preview + confirm %.1f s; live heap after %d MB%n",
          confirmS, done.newRows(), previewS + confirmS, liveHeap() >> 20);
      // The same file again: nothing new, every row present.
      t = System.nanoTime();
      ImportReport again = imports.importNow(rows, content, out.getFileName().toString(), registrar);
      System.out.printf(
          "again %.1f s: %,d new, %,d present%n",
          (System.nanoTime() - t) / 1e9, again.newRows(), again.alreadyPresent());
    }
  }

  static long liveHeap() {
    System.gc();
    Runtime r = Runtime.getRuntime();
    return r.totalMemory() - r.freeMemory();
  }

  /**
   * The file: received days spread over 2018-01-01..2023-09-30 with fewer applications from 2021
   * (the cooling-off period cut divorces by about a third); before 2021 准予登记 or 取消或暂缓 on
   * the day or within a week; from 2021 withdrawn, divorced, deemed withdrawn or, lately, pending.
   */
  public static void write(Path out, int rows, Charset charset, Random random, CoolingOffClock clock)
      throws IOException {
    Files.createDirectories(out.toAbsolutePath().getParent());
    Set<String> ids = new HashSet<>();
    LocalDate first = LocalDate.of(2018, 1, 1);
    LocalDate last = LocalDate.of(2023, 9, 30);
    int days = (int) (last.toEpochDay() - first.toEpochDay()) + 1;
    StringBuilder csv = new StringBuilder(rows * 160).append(HEADER).append('\n');
    for (int i = 0; i < rows; i++) {
      LocalDate received;
      do {
        received = first.plusDays(random.nextInt(days));
      } while (!received.isBefore(LocalDate.of(2021, 1, 1)) && random.nextInt(3) == 0);
      String county = COUNTIES[random.nextInt(COUNTIES.length)];
      LocalDate hisBirth = LocalDate.of(1955 + random.nextInt(40), 1 + random.nextInt(12), 1 + random.nextInt(28));
      LocalDate herBirth = hisBirth.plusDays(random.nextInt(2000) - 1000);
      String his = id(county, hisBirth, true, random, ids);
      String her = id(county, herBirth, false, random, ids);
      LocalDate later = hisBirth.isAfter(herBirth) ? hisBirth : herBirth;
      LocalDate married = later.plusYears(20).plusDays(random.nextInt(3650));
      if (!married.isBefore(received)) {
        married = received.minusDays(30 + random.nextInt(300));
      }
      boolean offered = random.nextInt(10) < 8;
      boolean accepted = offered && random.nextInt(10) < 8;
      String outcome;
      LocalDate on;
      if (received.isBefore(LocalDate.of(2021, 1, 1))) {
        outcome = random.nextInt(10) < 6 ? "准予登记" : "取消或暂缓";
        on = received.plusDays(random.nextInt(8));
      } else {
        var d = clock.compute(received);
        int fate = random.nextInt(10);
        if (fate < 3) {
          outcome = "已撤回";
          on = received.plusDays(1 + random.nextInt(29));
        } else if (fate < 8) {
          outcome = "已发离婚证";
          on = d.certificateFrom().plusDays(random.nextInt(20));
        } else {
          outcome = "视为撤回";
          on = d.deemedWithdrawnOn();
        }
      }
      csv.append(received).append(',')
          .append(name(random, true)).append(",男,").append(hisBirth).append(',').append(his).append(',')
          .append("139").append(String.format("%08d", random.nextInt(100_000_000))).append(',')
          .append(name(random, false)).append(",女,").append(herBirth).append(',').append(her).append(",,")
          .append(married).append(',').append(random.nextInt(3)).append(',')
          .append(offered ? "是" : "否").append(',').append(accepted ? "是" : "否").append(',')
          .append(outcome).append(',').append(on).append('\n');
    }
    if (out.toString().endsWith(".xlsx")) {
      try (var stream = Files.newOutputStream(out)) {
        var workbook = new org.dhatim.fastexcel.Workbook(stream, "bench", "1.0");
        var sheet = workbook.newWorksheet("导出");
        String[] lines = csv.toString().split("\n");
        for (int r = 0; r < lines.length; r++) {
          String[] cells = lines[r].split(",", -1);
          for (int c = 0; c < cells.length; c++) {
            sheet.value(r, c, cells[c]);
          }
        }
        workbook.finish();
      }
      return;
    }
    Files.write(out, csv.toString().getBytes(charset));
  }

  static String name(Random random, boolean male) {
    int half = GIVEN.length() / 2;
    return String.valueOf(SURNAMES.charAt(random.nextInt(SURNAMES.length())))
        + GIVEN.charAt((male ? 0 : half) + random.nextInt(half))
        + (random.nextBoolean() ? String.valueOf(GIVEN.charAt((male ? 0 : half) + random.nextInt(half))) : "");
  }

  static String id(String county, LocalDate birth, boolean male, Random random, Set<String> taken) {
    while (true) {
      int seq = random.nextInt(500) * 2 + (male ? 1 : 0);
      String first17 =
          county + birth.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", seq);
      String id = first17 + ResidentIdNumber.checkCharacter(first17);
      if (taken.add(id)) {
        return id;
      }
    }
  }
}
