package org.huhang.training.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.huhang.shared.Actor;
import org.huhang.shared.DemoMode;
import org.huhang.shared.Role;
import org.huhang.shared.demo.BinzhouHistory;
import org.huhang.training.AddModule;
import org.huhang.training.CourseId;
import org.huhang.training.ModuleKind;
import org.huhang.training.ModuleView;
import org.huhang.training.ParticipantView;
import org.huhang.training.SaveCourse;
import org.huhang.volunteer.VolunteerRef;
import org.huhang.volunteer.Volunteers;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo courses, through the same services as the pages: the city's two-day course of 26–27
 * September 2023 with its three kinds of module, eight volunteers of each of the seven counties
 * (the demo counselors among them) in county discussion groups, attendance, completion and hours;
 * and a one-day county course in 无棣县 and in 邹平市. Only on demo data, only once.
 */
@Component
@Order(61)
class TrainingDemoData implements ApplicationRunner {

  static final String[] COUNTIES = {
    "371602", "371603", "371621", "371622", "371623", "371625", "371681"
  };

  private final CourseStore store;
  private final CourseRegistry registry;
  private final Enrollments enrollments;
  private final CourseCatalog catalog;
  private final Volunteers volunteers;
  private final DemoMode demo;

  TrainingDemoData(
      CourseStore store,
      CourseRegistry registry,
      Enrollments enrollments,
      CourseCatalog catalog,
      Volunteers volunteers,
      DemoMode demo) {
    this.store = store;
    this.registry = registry;
    this.enrollments = enrollments;
    this.catalog = catalog;
    this.volunteers = volunteers;
    this.demo = demo;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    if (!demo.enabled() || store.anyCourse()) {
      return;
    }
    Actor city = admin("371600", "滨州市", BinzhouHistory.CITY_PATH, Role.CITY_ADMIN);
    CourseId course =
        registry.create(
            new SaveCourse(
                "滨州市婚姻家庭辅导志愿者培训班",
                LocalDate.of(2023, 9, 26),
                LocalDate.of(2023, 9, 27),
                "寿光市婚姻家庭辅导中心、滨州市妇女儿童活动中心",
                "滨州市妇女联合会",
                "市、县（市、区）妇联和民政部门工作人员，婚姻家庭辅导志愿者",
                60,
                new BigDecimal("9"),
                "371600"),
            city);
    LocalDate first = LocalDate.of(2023, 9, 26);
    LocalDate second = first.plusDays(1);
    registry.addModule(
        course,
        new AddModule(
            ModuleKind.FIELD_VISIT,
            first,
            LocalTime.of(8, 30),
            LocalTime.of(11, 30),
            new BigDecimal("3"),
            "实地观摩婚姻家庭辅导中心的运行",
            "寿光市婚姻家庭辅导中心",
            null,
            null,
            null),
        city);
    registry.addModule(
        course,
        new AddModule(
            ModuleKind.EXPERT_LECTURE,
            first,
            LocalTime.of(14, 0),
            LocalTime.of(17, 0),
            new BigDecimal("3"),
            "婚姻家庭辅导的方法与技巧",
            null,
            "高文静（婚姻家庭咨询师）",
            "婚姻家庭矛盾的识别、评估与辅导六步法",
            null),
        city);
    registry.addModule(
        course,
        new AddModule(
            ModuleKind.EXPERT_LECTURE,
            second,
            LocalTime.of(8, 30),
            LocalTime.of(11, 30),
            new BigDecimal("3"),
            "离婚冷静期辅导实务",
            null,
            "周立新（心理咨询师）",
            "冷静期内的沟通、调解与安全评估",
            null),
        city);
    registry.addModule(
        course,
        new AddModule(
            ModuleKind.EXPERIENCE_EXCHANGE,
            second,
            LocalTime.of(14, 0),
            LocalTime.of(16, 30),
            new BigDecimal("2.5"),
            "学员经验交流",
            null,
            null,
            null,
            "按县（市、区）分七组：滨城区、沾化区、惠民县、阳信县、无棣县、博兴县、邹平市"),
        city);
    for (String county : COUNTIES) {
      pick(BinzhouHistory.CITY_PATH + county + "/", 8)
          .forEach(v -> enrollments.enroll(course, v.id(), city));
    }
    attendAll(course, city, 3);
    county("371623", "无棣县", "无棣县婚姻辅导志愿者业务培训", LocalDate.of(2023, 11, 15));
    county("371681", "邹平市", "邹平市“为爱护航 遇见幸福”志愿者培训", LocalDate.of(2023, 12, 6));
  }

  /** The linked volunteers of a region first (the demo counselors), then by name, n in all. */
  private List<VolunteerRef> pick(String regionPath, int n) {
    return volunteers.activeIn(regionPath).stream()
        .sorted(Comparator.comparing((VolunteerRef v) -> v.userId() == null))
        .limit(n)
        .toList();
  }

  /**
   * Everyone attends every module, except that every {@code skipEvery}-th participant (never one
   * with an account) missed the morning lecture of the second day and so falls short of the rule.
   */
  private void attendAll(CourseId course, Actor by, int skipEvery) {
    List<ModuleView> modules = store.modules(course.value());
    List<ParticipantView> participants = catalog.participants(course.value(), modules);
    Set<UUID> absentOnce = new HashSet<>();
    for (int i = 0; i < participants.size(); i++) {
      ParticipantView p = participants.get(i);
      boolean linked = volunteers.ref(p.volunteerId()).map(v -> v.userId() != null).orElse(false);
      if (skipEvery > 0 && i % 19 == skipEvery && !linked) {
        absentOnce.add(p.id());
      }
    }
    for (int m = 0; m < modules.size(); m++) {
      Set<UUID> present = new HashSet<>();
      for (ParticipantView p : participants) {
        if (!(m == 2 && absentOnce.contains(p.id()))) {
          present.add(p.id());
        }
      }
      enrollments.recordAttendance(course, modules.get(m).id(), present, by);
    }
  }

  private void county(String code, String name, String title, LocalDate day) {
    Actor admin = admin(code, name, BinzhouHistory.CITY_PATH + code + "/", Role.COUNTY_ADMIN);
    CourseId course =
        registry.create(
            new SaveCourse(
                title,
                day,
                day,
                name + "婚姻家庭辅导中心",
                name + "妇女联合会",
                name + "婚姻家庭辅导志愿者",
                20,
                new BigDecimal("5"),
                code),
            admin);
    registry.addModule(
        course,
        new AddModule(
            ModuleKind.EXPERT_LECTURE,
            day,
            LocalTime.of(9, 0),
            LocalTime.of(11, 30),
            new BigDecimal("2.5"),
            "辅导记录与个人信息保护",
            null,
            "刘芳（社会工作师）",
            "辅导记录的书写、保管与个人信息保护",
            null),
        admin);
    registry.addModule(
        course,
        new AddModule(
            ModuleKind.EXPERIENCE_EXCHANGE,
            day,
            LocalTime.of(14, 0),
            LocalTime.of(16, 30),
            new BigDecimal("2.5"),
            "辅导案例交流",
            null,
            null,
            null,
            "按辅导室分三组"),
        admin);
    List<VolunteerRef> chosen = new ArrayList<>(pick(BinzhouHistory.CITY_PATH + code + "/", 6));
    chosen.forEach(v -> enrollments.enroll(course, v.id(), admin));
    attendAll(course, admin, 0);
  }

  private static Actor admin(String code, String name, String path, Role role) {
    return new Actor(
        null, role == Role.CITY_ADMIN ? "admin" : "admin-" + code, name, role, code, name, path);
  }
}
