package org.huhang.outreach.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;
import org.huhang.center.CenterView;
import org.huhang.center.Centers;
import org.huhang.outreach.HonourLevel;
import org.huhang.outreach.OutreachType;
import org.huhang.shared.DemoMode;
import org.huhang.shared.demo.BinzhouHistory;
import org.huhang.shared.demo.DemoHistory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo outreach record of Binzhou (SPEC §1): the 492 premarital education sessions held from
 * 2018 to September 2023 across the seven county-level divisions, lectures, family education and
 * publicity besides, and the city's TV programme 幸福护航话婚姻. Deterministic (a fixed seed), so that
 * every start shows the same record; written in one batch, so that start-up stays fast. Where the
 * {@link DemoHistory} loads (the embedded demo by default), the period is the history's: its events
 * come through the import ({@code OutreachHistory}) and the demo writes only the TV programme, so
 * the period holds the federation's 492 events, not these besides.
 */
@Component
@Order(60)
class OutreachDemoData implements ApplicationRunner {

  static final int PREMARITAL_EVENTS = 492;
  static final LocalDate FIRST = LocalDate.of(2018, 1, 1);
  static final LocalDate LAST = LocalDate.of(2023, 9, 30);

  /** In a fixed order: Map.of would order them differently from one start to the next. */
  private static final Map<String, String> COUNTIES = new java.util.LinkedHashMap<>();

  static {
    COUNTIES.put("371602", "滨城区");
    COUNTIES.put("371603", "沾化区");
    COUNTIES.put("371621", "惠民县");
    COUNTIES.put("371622", "阳信县");
    COUNTIES.put("371623", "无棣县");
    COUNTIES.put("371625", "博兴县");
    COUNTIES.put("371681", "邹平市");
  }

  private static final List<String> PREMARITAL_TITLES =
      List.of(
          "新婚夫妇婚前辅导课堂", "“幸福护航”婚前教育讲座", "“婚姻第一课”婚前培训", "新人婚前沟通技巧辅导", "婚前家庭责任与法律知识宣讲", "婚姻登记处婚前辅导");
  private static final List<String> PREMARITAL_PLACES =
      List.of("婚姻登记中心婚前辅导室", "婚姻家庭辅导中心", "妇女儿童之家", "新时代文明实践中心");
  static final List<String> SPEAKERS =
      List.of(
          "王秀兰（婚姻家庭咨询师）",
          "李红梅（心理咨询师）",
          "张建华（律师）",
          "刘静（妇联志愿者）",
          "陈玉霞（婚姻家庭辅导员）",
          "赵丽娟（心理咨询师）",
          "孙国庆（法律工作者）",
          "周敏（社会工作者）");

  private record Other(OutreachType type, String title, String place, String audience) {}

  private static final List<Other> OTHERS =
      List.of(
          new Other(OutreachType.MARRIAGE_LECTURE, "婚姻家庭法律知识讲座", "县妇联会议室", "社区居民"),
          new Other(OutreachType.MARRIAGE_LECTURE, "《民法典》婚姻家庭编专题讲座", "党群服务中心", "村（居）妇联执委"),
          new Other(OutreachType.FAMILY_EDUCATION, "家庭教育公益课堂", "实验小学报告厅", "学生家长"),
          new Other(OutreachType.FAMILY_EDUCATION, "“好家风 好家教”分享会", "新时代文明实践站", "社区家庭"),
          new Other(OutreachType.COMMUNITY_PUBLICITY, "“和谐家庭”进社区宣传", "社区广场", "社区居民"),
          new Other(OutreachType.COMMUNITY_PUBLICITY, "婚姻家庭辅导服务宣传日", "人民广场", "过往群众"),
          new Other(OutreachType.OTHER, "“三八”妇女节婚姻家庭咨询服务", "妇女儿童之家", "妇女群众"));

  private final JdbcTemplate jdbc;
  private final OutreachQueries queries;
  private final ServiceProjectRepository projects;
  private final ProjectQueries projectQueries;
  private final Centers centers;
  private final DemoMode demo;
  private final DemoHistory history;
  private final Clock clock;

  OutreachDemoData(
      JdbcTemplate jdbc,
      OutreachQueries queries,
      ServiceProjectRepository projects,
      ProjectQueries projectQueries,
      Centers centers,
      DemoMode demo,
      DemoHistory history,
      Clock clock) {
    this.history = history;
    this.jdbc = jdbc;
    this.queries = queries;
    this.projects = projects;
    this.projectQueries = projectQueries;
    this.centers = centers;
    this.demo = demo;
    this.clock = clock;
  }

  private record Event(
      OutreachType type,
      String title,
      LocalDate heldOn,
      LocalTime startsAt,
      String county,
      String place,
      UUID centerId,
      List<String> speakers,
      String audience,
      int attendance,
      String summary) {}

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    if (!demo.enabled()) {
      return;
    }
    if (projectQueries.count("%") == 0) {
      serviceProjects();
    }
    if (!queries.empty()) {
      return;
    }
    Map<String, UUID> centerOf =
        centers.all().stream()
            .filter(c -> c.name().endsWith("婚姻家庭辅导中心"))
            .collect(Collectors.toMap(CenterView::regionCode, c -> c.id().value(), (a, b) -> a));
    List<String> codes = new ArrayList<>(COUNTIES.keySet());
    Random random = new Random(20230930L);
    int days = (int) ChronoUnit.DAYS.between(FIRST, LAST) + 1;
    List<Event> events = new ArrayList<>();
    boolean historyHoldsPeriod = history.state().status() != DemoHistory.Status.OFF;
    for (int i = 0; i < (historyHoldsPeriod ? 0 : PREMARITAL_EVENTS); i++) {
      String county = codes.get(i % codes.size());
      String name = COUNTIES.get(county);
      events.add(
          new Event(
              OutreachType.PREMARITAL_EDUCATION,
              name + PREMARITAL_TITLES.get(random.nextInt(PREMARITAL_TITLES.size())),
              FIRST.plusDays(random.nextInt(days)),
              random.nextBoolean() ? LocalTime.of(9, 0) : LocalTime.of(14, 30),
              county,
              name + PREMARITAL_PLACES.get(random.nextInt(PREMARITAL_PLACES.size())),
              centerOf.get(county),
              speakers(random),
              "登记结婚的新人及待婚青年",
              20 + random.nextInt(101),
              "讲解婚姻家庭责任、夫妻沟通与冲突化解，现场解答新人提问。"));
    }
    for (int i = 0; i < (historyHoldsPeriod ? 0 : 56); i++) {
      String county = codes.get(random.nextInt(codes.size()));
      String name = COUNTIES.get(county);
      Other o = OTHERS.get(i % OTHERS.size());
      events.add(
          new Event(
              o.type(),
              name + o.title(),
              FIRST.plusDays(random.nextInt(days)),
              random.nextBoolean() ? LocalTime.of(9, 30) : LocalTime.of(15, 0),
              county,
              name + o.place(),
              centerOf.get(county),
              speakers(random),
              o.audience(),
              30 + random.nextInt(171),
              null));
    }
    events.add(
        new Event(
            OutreachType.MEDIA_PROGRAMME,
            "幸福护航话婚姻",
            LocalDate.of(2023, 5, 20),
            LocalTime.of(19, 30),
            null,
            "滨州电视台演播厅",
            null,
            List.of("李红梅（心理咨询师）", "张建华（律师）"),
            "全市电视观众",
            0,
            "市妇联与滨州电视台合办的婚姻家庭电视节目，以真实案例讲解婚姻辅导与家庭调适。"));
    insert(events);
  }

  /**
   * 邹平市's volunteer project 为爱护航 遇见幸福 with its provincial gold award, and projects of 无棣县 and 滨城区
   * with city honours.
   */
  private void serviceProjects() {
    project(
        "邹平市婚姻家庭辅导中心",
        "为爱护航 遇见幸福",
        LocalDate.of(2021, 3, 1),
        "邹平市妇联组织婚姻家庭辅导志愿者，在婚姻登记处开展婚前辅导、离婚冷静期辅导，" + "并深入镇街社区开展婚姻家庭宣传与矛盾调解。",
        "山东省志愿服务项目大赛金奖",
        HonourLevel.PROVINCIAL,
        LocalDate.of(2022, 12, 5));
    project(
        "无棣县婚姻家庭辅导中心",
        "“棣”护幸福 婚姻家庭志愿服务",
        LocalDate.of(2022, 5, 1),
        "无棣县婚姻家庭辅导志愿者在海丰、棣丰等街道社区开展婚姻家庭辅导和宣传。",
        "滨州市优秀志愿服务项目",
        HonourLevel.CITY,
        LocalDate.of(2023, 3, 5));
    project(
        "滨城区婚姻家庭辅导中心",
        "新人婚前辅导志愿服务队",
        LocalDate.of(2019, 4, 1),
        "滨城区婚姻登记处每周为登记结婚的新人开设婚前辅导课，由志愿者和心理咨询师轮流主讲。",
        "滨州市巾帼志愿服务优秀项目",
        HonourLevel.CITY,
        LocalDate.of(2021, 3, 8));
  }

  private void project(
      String centerName,
      String name,
      LocalDate startedOn,
      String description,
      String award,
      HonourLevel level,
      LocalDate awardedOn) {
    centers.all().stream()
        .filter(c -> c.name().equals(centerName))
        .findFirst()
        .ifPresent(
            center -> {
              LocalDate today = LocalDate.now(clock);
              ServiceProject project =
                  ServiceProject.start(
                      name,
                      center.id().value(),
                      center.regionPath(),
                      startedOn,
                      null,
                      description,
                      today);
              project.award(award, level, awardedOn, today);
              projects.save(project);
            });
  }

  private static List<String> speakers(Random random) {
    int first = random.nextInt(SPEAKERS.size());
    return random.nextInt(3) == 0
        ? List.of(SPEAKERS.get(first), SPEAKERS.get((first + 3) % SPEAKERS.size()))
        : List.of(SPEAKERS.get(first));
  }

  private void insert(List<Event> events) {
    Timestamp now = Timestamp.from(clock.instant());
    jdbc.batchUpdate(
        """
        insert into outreach.outreach_event (id, version, type, title, held_on, starts_at,
          region_code, region_path, place, center_id, speakers, audience, attendance, summary,
          created_by, created_at, updated_at)
        values (?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'demo', ?, ?)""",
        new BatchPreparedStatementSetter() {
          @Override
          public void setValues(PreparedStatement ps, int i) throws SQLException {
            Event e = events.get(i);
            String code = e.county() == null ? "371600" : e.county();
            String path =
                e.county() == null
                    ? BinzhouHistory.CITY_PATH
                    : BinzhouHistory.CITY_PATH + e.county() + "/";
            ps.setObject(1, UUID.nameUUIDFromBytes(("outreach-demo-" + i).getBytes()));
            ps.setString(2, e.type().name());
            ps.setString(3, e.title());
            ps.setObject(4, e.heldOn());
            ps.setObject(5, e.startsAt());
            ps.setString(6, code);
            ps.setString(7, path);
            ps.setString(8, e.place());
            ps.setObject(9, e.centerId());
            ps.setArray(10, ps.getConnection().createArrayOf("text", e.speakers().toArray()));
            ps.setString(11, e.audience());
            ps.setInt(12, e.attendance());
            ps.setString(13, e.summary());
            ps.setTimestamp(14, now);
            ps.setTimestamp(15, now);
          }

          @Override
          public int getBatchSize() {
            return events.size();
          }
        });
  }
}
