package org.huhang.outreach.internal;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.huhang.center.CenterKind;
import org.huhang.center.CenterView;
import org.huhang.center.Centers;
import org.huhang.outreach.OutreachType;
import org.huhang.region.RegionView;
import org.huhang.region.Regions;
import org.huhang.shared.Actor;
import org.huhang.shared.Role;
import org.huhang.shared.demo.BinzhouHistory;
import org.huhang.shared.demo.HistoryCity;
import org.huhang.shared.demo.HistoryStep;
import org.huhang.shared.spreadsheet.ImportReport;
import org.huhang.shared.spreadsheet.StagedImports;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@link BinzhouHistory}'s outreach events: the {@link BinzhouHistory#EVENTS} premarital
 * education sessions, lectures, family education classes, publicity days, broadcasts and volunteer
 * trainings the federation reports from 2018 to September 2023, spread over the seven counties and
 * the months (fewer around the Spring Festival and in February and March 2020, more in the later
 * years), as each county's federation would bring its records: one CSV per county through the
 * staged import ({@link OutreachRows}) as that county's administrator, so every row is checked and
 * stored as any import's is.
 *
 * <p>The period then holds exactly {@link BinzhouHistory#EVENTS}: events of the period that are not
 * the history's (the recent demo's TV programme) are counted and the history brings that many fewer
 * (the last of its fixed, shuffled list). Repeated or resumed, the import skips the rows already
 * present; a period already holding the total is left alone at once.
 */
@Component
class OutreachHistory implements HistoryStep {

  private static final long SEED = 2018_0308L;

  private static final double[] COUNTY_WEIGHT = {0.18, 0.12, 0.14, 0.12, 0.16, 0.13, 0.15};
  private static final double[] YEAR_WEIGHT = {0.7, 0.9, 0.75, 1.05, 1.1, 1.25};

  /** The Spring Festival thins January and February; 三八, 520 and 七夕 fill March, May and August. */
  private static final double[] MONTH_WEIGHT = {
    0.8, 0.45, 1.25, 1.05, 1.2, 1.0, 0.9, 1.15, 1.0, 0.95, 1.0, 0.9
  };

  private record Kind(OutreachType type, int share, List<String> titles, String audience) {}

  private static final List<Kind> KINDS =
      List.of(
          new Kind(
              OutreachType.PREMARITAL_EDUCATION,
              52,
              List.of("婚前辅导讲座", "新婚夫妇婚前辅导课堂", "“婚姻第一课”婚前教育", "待婚青年婚前培训", "婚前辅导进婚姻登记处"),
              "登记结婚的新人及待婚青年"),
          new Kind(
              OutreachType.MARRIAGE_LECTURE,
              16,
              List.of("婚姻家庭法律知识进村居", "离婚冷静期政策宣讲", "《民法典》婚姻家庭编宣讲", "夫妻沟通与冲突化解讲座"),
              "社区居民及村（居）妇联执委"),
          new Kind(
              OutreachType.FAMILY_EDUCATION,
              12,
              List.of("家庭教育讲堂", "“好家风 好家教”家长课堂", "亲子关系与家庭教育讲座"),
              "学生家长"),
          new Kind(
              OutreachType.COMMUNITY_PUBLICITY,
              12,
              List.of("婚姻家庭辅导服务进社区", "“和谐家庭”宣传日", "反家庭暴力法宣传"),
              "社区居民"),
          new Kind(OutreachType.MEDIA_PROGRAMME, 2, List.of("婚姻家庭广播讲座", "“幸福护航”直播课堂"), "广播电视观众"),
          new Kind(OutreachType.OTHER, 6, List.of("巾帼志愿者培训", "婚姻家庭辅导志愿者业务培训"), "婚姻家庭辅导志愿者"));

  private static final List<String> PLACES =
      List.of("婚姻登记中心婚前辅导室", "婚姻家庭辅导中心", "妇女儿童之家", "新时代文明实践中心", "妇联会议室", "党群服务中心");

  private static final List<LocalTime> TIMES =
      List.of(LocalTime.of(9, 0), LocalTime.of(9, 30), LocalTime.of(14, 30), LocalTime.of(15, 0));

  /** One event of the plan, with its county's index. */
  private record Planned(
      int county,
      OutreachType type,
      String title,
      LocalDate heldOn,
      LocalTime startsAt,
      String place,
      List<String> speakers,
      String audience,
      int attendance) {}

  private final StagedImports imports;
  private final OutreachRows rows;
  private final OutreachVolunteerDemoData links;
  private final Regions regions;
  private final Centers centers;
  private final JdbcClient jdbc;

  OutreachHistory(
      StagedImports imports,
      OutreachRows rows,
      OutreachVolunteerDemoData links,
      Regions regions,
      Centers centers,
      JdbcClient jdbc) {
    this.imports = imports;
    this.rows = rows;
    this.links = links;
    this.regions = regions;
    this.centers = centers;
    this.jdbc = jdbc;
  }

  @Override
  public int order() {
    return 3;
  }

  @Override
  public int weight() {
    return 3;
  }

  @Override
  public String labelKey() {
    return "history.step.events";
  }

  @Override
  public void load(Progress progress, int scale, HistoryCity city) {
    int total = BinzhouHistory.EVENTS * scale;
    List<String> held = heldInPeriod(city);
    if (held.size() >= total) {
      progress.done(1);
      return;
    }
    List<String> counties = city.counties();
    List<RegionView> offices = counties.stream().map(c -> regions.find(c).orElseThrow()).toList();
    List<Planned> plan = plan(offices, total);
    Set<String> ours = new HashSet<>();
    for (Planned p : plan) {
      ours.add(key(p, offices));
    }
    long others = held.stream().filter(k -> !ours.contains(k)).count();
    List<Planned> wanted = plan.subList(0, (int) Math.max(0, total - others));
    for (int k = 0; k < counties.size(); k++) {
      int county = k;
      List<Planned> local =
          wanted.stream()
              .filter(p -> p.county() == county)
              .sorted(java.util.Comparator.comparing(Planned::heldOn))
              .toList();
      RegionView office = offices.get(k);
      Actor federation =
          new Actor(
              null,
              "history-" + office.code(),
              office.name() + "妇联",
              Role.COUNTY_ADMIN,
              office.code(),
              office.name(),
              office.path());
      ImportReport report =
          imports.importNow(
              rows, csv(local, office), "binzhou-events-" + office.code() + ".csv", federation);
      if (!report.errors().isEmpty()) {
        // The plan is the platform's own: a refused row is a bug here, never the user's input.
        throw new IllegalStateException(
            "history import of events of "
                + office.code()
                + " refused "
                + report.errors().size()
                + " rows, first "
                + report.errors().get(0).row());
      }
      progress.done((k + 1) / (counties.size() + 1.0));
    }
    // The demo counselors speak at their county's latest sessions: there were none at start-up.
    links.link();
    progress.done(1);
  }

  /** The keys of the events held in the city in the period, as the import compares rows. */
  private List<String> heldInPeriod(HistoryCity city) {
    return jdbc.sql(
            """
            select held_on, starts_at, region_code, title from outreach.outreach_event
             where region_path like :scope and held_on between :from and :to""")
        .param("scope", city.scope().likePattern())
        .param("from", BinzhouHistory.FROM)
        .param("to", BinzhouHistory.TO)
        .query(
            (rs, n) ->
                OutreachRows.key(
                    rs.getObject("held_on", LocalDate.class),
                    rs.getObject("starts_at", LocalTime.class),
                    rs.getString("region_code"),
                    rs.getString("title")))
        .list();
  }

  private static String key(Planned p, List<RegionView> offices) {
    return OutreachRows.key(p.heldOn(), p.startsAt(), offices.get(p.county()).code(), p.title());
  }

  /**
   * All {@link BinzhouHistory#EVENTS} events, shuffled by the seed: a list shortened for events of
   * the period that are not the history's drops its last ones, spread over counties and months.
   */
  private static List<Planned> plan(List<RegionView> offices, int total) {
    Random random = new Random(SEED);
    List<YearMonth> months = new ArrayList<>();
    for (YearMonth m = YearMonth.from(BinzhouHistory.FROM);
        !m.isAfter(YearMonth.from(BinzhouHistory.TO));
        m = m.plusMonths(1)) {
      months.add(m);
    }
    int n = offices.size();
    double[] weights = new double[months.size() * n];
    for (int m = 0; m < months.size(); m++) {
      YearMonth month = months.get(m);
      double w =
          YEAR_WEIGHT[month.getYear() - 2018]
              * MONTH_WEIGHT[month.getMonthValue() - 1]
              * covid(month);
      for (int c = 0; c < n; c++) {
        weights[m * n + c] = w * COUNTY_WEIGHT[c] * (0.8 + 0.4 * random.nextDouble());
      }
    }
    int[] counts = BinzhouHistory.largestRemainder(weights, total);
    int shares = KINDS.stream().mapToInt(Kind::share).sum();
    Set<String> keys = new HashSet<>();
    List<Planned> plan = new ArrayList<>(total);
    for (int m = 0; m < months.size(); m++) {
      YearMonth month = months.get(m);
      for (int c = 0; c < n; c++) {
        String county = offices.get(c).name();
        for (int i = 0; i < counts[m * n + c]; i++) {
          Kind kind = kind(random.nextInt(shares));
          String title = county + kind.titles().get(random.nextInt(kind.titles().size()));
          LocalTime time =
              kind.type() == OutreachType.MEDIA_PROGRAMME
                  ? LocalTime.of(19, 30)
                  : TIMES.get(random.nextInt(TIMES.size()));
          int last = month.atEndOfMonth().isAfter(BinzhouHistory.TO) ? 30 : month.lengthOfMonth();
          LocalDate day = month.atDay(1 + random.nextInt(last));
          while (!keys.add(OutreachRows.key(day, time, offices.get(c).code(), title))) {
            day = day.getDayOfMonth() < last ? day.plusDays(1) : month.atDay(1);
          }
          String place =
              kind.type() == OutreachType.MEDIA_PROGRAMME
                  ? county + "融媒体中心演播室"
                  : county + PLACES.get(random.nextInt(PLACES.size()));
          int attendance =
              switch (kind.type()) {
                case PREMARITAL_EDUCATION -> 12 + random.nextInt(69);
                case MEDIA_PROGRAMME -> 0;
                case OTHER -> 15 + random.nextInt(46);
                default -> 30 + random.nextInt(171);
              };
          plan.add(
              new Planned(
                  c,
                  kind.type(),
                  title,
                  day,
                  time,
                  place,
                  speakers(random),
                  kind.audience(),
                  attendance));
        }
      }
    }
    Collections.shuffle(plan, random);
    return plan;
  }

  private static Kind kind(int draw) {
    for (Kind k : KINDS) {
      if (draw < k.share()) {
        return k;
      }
      draw -= k.share();
    }
    return KINDS.get(0);
  }

  private static List<String> speakers(Random random) {
    List<String> all = OutreachDemoData.SPEAKERS;
    int first = random.nextInt(all.size());
    return random.nextInt(3) == 0
        ? List.of(all.get(first), all.get((first + 3) % all.size()))
        : List.of(all.get(first));
  }

  /** The first wave of COVID-19: hardly an event in February 2020, few in March and April. */
  private static double covid(YearMonth month) {
    if (month.getYear() != 2020) {
      return 1;
    }
    return switch (month.getMonthValue()) {
      case 2 -> 0.1;
      case 3 -> 0.35;
      case 4 -> 0.7;
      default -> 1;
    };
  }

  /** The county's file, as the import's own headers name the columns. */
  private byte[] csv(List<Planned> events, RegionView office) {
    String center =
        centers.all().stream()
            .filter(c -> c.regionCode().startsWith(office.code()) && c.kind() == CenterKind.CENTER)
            .map(CenterView::name)
            .findFirst()
            .orElse("");
    StringBuilder out = new StringBuilder(events.size() * 200);
    out.append(String.join(",", rows.columns().stream().map(c -> c.header()).toList()))
        .append('\n');
    for (Planned e : events) {
      out.append(rows.typeLabel(e.type()))
          .append(',')
          .append(e.title())
          .append(',')
          .append(e.heldOn())
          .append(',')
          .append(e.startsAt().format(OutreachRows.HH_MM))
          .append(',')
          .append(office.code())
          .append(',')
          .append(e.place())
          .append(',')
          .append(e.type() == OutreachType.MEDIA_PROGRAMME ? "" : center)
          .append(',')
          .append(OutreachRows.speakersCell(e.speakers()))
          .append(',')
          .append(e.audience())
          .append(',')
          .append(e.attendance())
          .append(',')
          .append('\n');
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }
}
