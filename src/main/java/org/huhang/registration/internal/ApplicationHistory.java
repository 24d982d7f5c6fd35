package org.huhang.registration.internal;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.huhang.region.RegionView;
import org.huhang.region.Regions;
import org.huhang.registration.CoolingOffDates;
import org.huhang.shared.Actor;
import org.huhang.shared.Role;
import org.huhang.shared.demo.BinzhouHistory;
import org.huhang.shared.demo.BinzhouHistory.Couple;
import org.huhang.shared.demo.HistoryCity;
import org.huhang.shared.demo.HistoryStep;
import org.huhang.shared.person.ResidentIdNumber;
import org.huhang.shared.spreadsheet.ImportReport;
import org.huhang.shared.spreadsheet.StagedImports;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@link BinzhouHistory}'s applications, as each county's registration office would bring its
 * system's export: one CSV per county, through the staged import ({@link ApplicationRows}) as that
 * office's registrar, so every row is checked and stored as any import's is and nothing publishes a
 * counseling request (the applications are decided). Before 2021 准予登记 or 取消或暂缓 on the day (a
 * postponement within a week); from 2021 withdrawn within the withdrawal period, deemed withdrawn,
 * or divorced inside the certificate window, counted by the shipped holiday calendar. The parties
 * are plainly fictitious: ID sequence codes 98x, phones 170-000x-xxxx.
 */
@Component
class ApplicationHistory implements HistoryStep {

  private static final LocalDate CIVIL_CODE = LocalDate.of(2021, 1, 1);
  private static final String SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎";
  private static final String HIS = "伟强磊军洋勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊";
  private static final String HERS = "帆芳娜敏静丽艳娟霞秀玲桂英梅琳燕红晶雪慧颖倩婷";

  private final StagedImports imports;
  private final ApplicationRows rows;
  private final CalendarRepository calendar;
  private final Regions regions;
  private final JdbcClient jdbc;

  ApplicationHistory(
      StagedImports imports,
      ApplicationRows rows,
      CalendarRepository calendar,
      Regions regions,
      JdbcClient jdbc) {
    this.imports = imports;
    this.rows = rows;
    this.calendar = calendar;
    this.regions = regions;
    this.jdbc = jdbc;
  }

  @Override
  public int order() {
    return 10;
  }

  @Override
  public int weight() {
    return 40;
  }

  @Override
  public String labelKey() {
    return "history.step.applications";
  }

  @Override
  public void load(Progress progress, int scale, HistoryCity city) {
    List<Couple> plan = BinzhouHistory.couples(city, scale);
    CoolingOffClock clock = new CoolingOffClock(calendar.current());
    List<String> counties = city.counties();
    for (int k = 0; k < counties.size(); k++) {
      String county = counties.get(k);
      RegionView office = regions.find(county).orElseThrow();
      List<Couple> local = plan.stream().filter(c -> c.county().equals(county)).toList();
      Actor registrar =
          new Actor(
              null,
              "history-" + county,
              office.name() + "婚姻登记处",
              Role.REGISTRAR,
              office.code(),
              office.name(),
              office.path());
      // One file per county; at larger scales one per county and year, as a file holds at most
      // the import's MAX_ROWS. The identity numbers stay unique across a county's files.
      Set<String> ids = new HashSet<>();
      List<List<Couple>> files =
          scale == 1
              ? List.of(local)
              : List.copyOf(
                  local.stream()
                      .collect(
                          java.util.stream.Collectors.groupingBy(
                              c -> c.receivedOn().getYear(),
                              java.util.TreeMap::new,
                              java.util.stream.Collectors.toList()))
                      .values());
      for (int f = 0; f < files.size(); f++) {
        List<Couple> file = files.get(f);
        if (f > 0) {
          progress.done((k + f / (double) files.size()) / counties.size());
        }
        LocalDate first = file.get(0).receivedOn();
        LocalDate last = file.get(file.size() - 1).receivedOn();
        byte[] csv = csv(file, clock, ids, scale);
        if (stored(office.path(), first, last) >= file.size()) {
          continue;
        }
        String name = "binzhou-" + county + (scale == 1 ? "" : "-" + first.getYear()) + ".csv";
        ImportReport report = imports.importNow(rows, csv, name, registrar);
        if (!report.errors().isEmpty()) {
          // The plan is the platform's own: a refused row is a bug here, never the user's input.
          throw new IllegalStateException(
              "history import of "
                  + county
                  + " refused "
                  + report.errors().size()
                  + " rows, first "
                  + report.errors().get(0).row());
        }
      }
      progress.done((k + 1) / (double) counties.size());
    }
  }

  private int stored(String path, LocalDate from, LocalDate to) {
    return jdbc.sql(
            """
            select count(*) from registration.divorce_application
             where region_path = :path and received_on between :from and :to""")
        .param("path", path)
        .param("from", from)
        .param("to", to)
        .query(Integer.class)
        .single();
  }

  /** The county's file, as the import's own headers name the columns. */
  private byte[] csv(List<Couple> couples, CoolingOffClock clock, Set<String> ids, int scale) {
    StringBuilder out = new StringBuilder(couples.size() * 170);
    out.append(
            String.join(",", rows.columns().stream().map(ApplicationRows.Column::header).toList()))
        .append('\n');
    for (Couple c : couples) {
      Random random = new Random(c.seed());
      LocalDate received = c.receivedOn();
      LocalDate hisBirth =
          LocalDate.of(1958 + random.nextInt(40), 1 + random.nextInt(12), 1 + random.nextInt(28));
      LocalDate herBirth = hisBirth.plusDays(random.nextInt(2400) - 1000);
      if (herBirth.plusYears(21).isAfter(received)) {
        herBirth = received.minusYears(22).minusDays(random.nextInt(300));
      }
      if (hisBirth.plusYears(23).isAfter(received)) {
        hisBirth = received.minusYears(24).minusDays(random.nextInt(300));
      }
      String his = id(c.county(), hisBirth, true, ids, scale);
      String hers = id(c.county(), herBirth, false, ids, scale);
      hisBirth = LocalDate.parse(his.substring(6, 14), DateTimeFormatter.BASIC_ISO_DATE);
      herBirth = LocalDate.parse(hers.substring(6, 14), DateTimeFormatter.BASIC_ISO_DATE);
      // Married at the legal ages or later (22 and 20), at least a month before filing.
      LocalDate earliest =
          hisBirth.plusYears(22).isAfter(herBirth.plusYears(20))
              ? hisBirth.plusYears(22)
              : herBirth.plusYears(20);
      long room = received.minusDays(30).toEpochDay() - earliest.toEpochDay();
      LocalDate married =
          earliest.plusDays(random.nextInt((int) Math.max(1, Math.min(room, 7300))));
      String outcome;
      LocalDate on;
      if (received.isBefore(CIVIL_CODE)) {
        outcome = c.stayedMarried() ? "取消或暂缓" : "准予登记";
        on = c.stayedMarried() ? received.plusDays(random.nextInt(8)) : received;
      } else {
        CoolingOffDates d = clock.compute(received);
        if (c.stayedMarried() && random.nextInt(100) < 72) {
          outcome = "已撤回";
          long span = d.withdrawalDeadline().toEpochDay() - received.toEpochDay();
          on = received.plusDays(1 + random.nextInt((int) Math.max(1, span)));
        } else if (c.stayedMarried()) {
          outcome = "视为撤回";
          on = d.deemedWithdrawnOn();
        } else {
          outcome = "已发离婚证";
          long span = d.certificateDeadline().toEpochDay() - d.certificateFrom().toEpochDay();
          on = d.certificateFrom().plusDays(random.nextInt((int) Math.min(21, span + 1)));
        }
      }
      out.append(received)
          .append(',')
          .append(name(random, HIS))
          .append(",男,")
          .append(hisBirth)
          .append(',')
          .append(his)
          .append(',')
          .append(random.nextInt(10) < 7 ? phone(random) : "")
          .append(',')
          .append(name(random, HERS))
          .append(",女,")
          .append(herBirth)
          .append(',')
          .append(hers)
          .append(',')
          .append(random.nextInt(10) < 7 ? phone(random) : "")
          .append(',')
          .append(married)
          .append(',')
          .append(random.nextInt(10) < 6 ? 1 + random.nextInt(2) : 0)
          .append(',')
          .append(c.offered() ? "是" : "否")
          .append(',')
          .append(c.accepted() ? "是" : "否")
          .append(',')
          .append(outcome)
          .append(',')
          .append(on)
          .append('\n');
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String name(Random random, String given) {
    return String.valueOf(SURNAMES.charAt(random.nextInt(SURNAMES.length())))
        + given.charAt(random.nextInt(given.length()))
        + (random.nextBoolean()
            ? String.valueOf(given.charAt(random.nextInt(given.length())))
            : "");
  }

  /** 170-000x-xxxx with x from 2: the blocks the recent demo does not use. */
  private static String phone(Random random) {
    return "17000" + (2 + random.nextInt(8)) + String.format("%05d", random.nextInt(100_000));
  }

  /**
   * A valid number of the county with a sequence code 98x (the recent demo's are 99x), unique in
   * the file: when taken, the next day's; the birth date is read back from the number. Larger
   * scales (benchmarks) need more numbers per day than five per sex: they use the codes 900 to 989.
   */
  private static String id(
      String county, LocalDate birth, boolean male, Set<String> taken, int scale) {
    int firstSeq = scale == 1 ? 980 : 900;
    for (LocalDate day = birth; ; day = day.plusDays(1)) {
      for (int seq = male ? firstSeq + 1 : firstSeq; seq <= 989; seq += 2) {
        String first17 = county + day.format(DateTimeFormatter.BASIC_ISO_DATE) + seq;
        String id = first17 + ResidentIdNumber.checkCharacter(first17);
        if (taken.add(id)) {
          return id;
        }
      }
    }
  }
}
