package org.huhang.volunteer.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.huhang.center.CenterKind;
import org.huhang.center.CenterView;
import org.huhang.center.Centers;
import org.huhang.identity.UserRef;
import org.huhang.identity.Users;
import org.huhang.shared.DemoMode;
import org.huhang.shared.person.Gender;
import org.huhang.shared.person.ResidentIdNumber;
import org.huhang.volunteer.AddQualification;
import org.huhang.volunteer.Background;
import org.huhang.volunteer.HalfDay;
import org.huhang.volunteer.HoursKind;
import org.huhang.volunteer.LogHours;
import org.huhang.volunteer.RegisterVolunteer;
import org.huhang.volunteer.Speciality;
import org.huhang.volunteer.VolunteerStatus;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 447 demo volunteers of Binzhou (SPEC §1) across the six backgrounds and seven counties,
 * generated from a fixed seed so that every first start gives the same people. They are plainly
 * fictitious: every phone is 170-0000-xxxx and every identity number has a sequence code from 990.
 */
@Component
@Order(30)
class VolunteerDemoData implements ApplicationRunner {

  static final int VOLUNTEERS = 447;
  private static final int[] BACKGROUND_COUNTS = {80, 70, 75, 72, 78, 72};
  private static final String[] COUNTY_CODES = {
    "371602", "371603", "371621", "371622", "371623", "371625", "371681"
  };
  private static final int[] COUNTY_COUNTS = {80, 55, 62, 55, 60, 65, 70};
  static final String[] SURNAMES =
      "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
          .split("");
  static final String[] GIVEN =
      "红梅 秀英 桂兰 玉兰 丽华 淑珍 海燕 春霞 晓燕 丽娟 文静 雪梅 艳红 美玲 凤英 慧敏 晓红 俊英 秀兰 玉珍 建华 秀云 丽萍 晓丽 金凤 素芳 爱华 立新 红霞 淑英 婷婷 静怡 欣悦 佳琪 雨涵 思雨 梦洁 晨曦 国强 志刚 建军 明辉"
          .split(" ");
  static final String[] DIALECTS = {"滨州话", "普通话", "鲁北方言", "博兴话", "邹平话"};

  private final VolunteerRegistry registry;
  private final SpecialityDictionary dictionary;
  private final VolunteerQueries queries;
  private final QualificationRepository qualifications;
  private final HoursLog hours;
  private final Centers centers;
  private final Users users;
  private final DemoMode demo;
  private final Clock clock;

  VolunteerDemoData(
      VolunteerRegistry registry,
      SpecialityDictionary dictionary,
      VolunteerQueries queries,
      QualificationRepository qualifications,
      HoursLog hours,
      Centers centers,
      Users users,
      DemoMode demo,
      Clock clock) {
    this.registry = registry;
    this.dictionary = dictionary;
    this.queries = queries;
    this.qualifications = qualifications;
    this.hours = hours;
    this.centers = centers;
    this.users = users;
    this.demo = demo;
    this.clock = clock;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    if (!demo.enabled() || queries.countAll() > 0) {
      return;
    }
    Random random = new Random(2023_10_10L);
    LocalDate today = LocalDate.now(clock);
    List<CenterView> everyCenter = centers.all();
    List<Background> backgrounds = new ArrayList<>();
    for (int b = 0; b < BACKGROUND_COUNTS.length; b++) {
      for (int i = 0; i < BACKGROUND_COUNTS[b]; i++) {
        backgrounds.add(Background.values()[b]);
      }
    }
    java.util.Collections.shuffle(backgrounds, random);
    List<String> specialityCodes =
        dictionary.specialities().stream().map(Speciality::code).toList();
    Set<String> ids = new HashSet<>();
    List<RegisterVolunteer> commands = new ArrayList<>();
    int n = 0;
    for (int c = 0; c < COUNTY_CODES.length; c++) {
      String county = COUNTY_CODES[c];
      List<CenterView> local =
          everyCenter.stream().filter(v -> v.regionCode().startsWith(county)).toList();
      CenterView main =
          local.stream().filter(v -> v.kind() == CenterKind.CENTER).findFirst().orElseThrow();
      List<CenterView> rooms = local.stream().filter(v -> v.kind() == CenterKind.ROOM).toList();
      for (int i = 0; i < COUNTY_COUNTS[c]; i++, n++) {
        Gender gender = random.nextInt(10) < 9 ? Gender.FEMALE : Gender.MALE;
        LocalDate birth =
            LocalDate.of(1962 + random.nextInt(38), 1 + random.nextInt(12), 1 + random.nextInt(28));
        String id = idNumber(county, birth, gender, ids);
        String name =
            SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
        CenterView center =
            !rooms.isEmpty() && random.nextInt(8) == 0
                ? rooms.get(random.nextInt(rooms.size()))
                : main;
        List<String> specs = new ArrayList<>();
        for (int k = 0, count = 1 + random.nextInt(3); k < count; k++) {
          String code = specialityCodes.get(random.nextInt(specialityCodes.size()));
          if (!specs.contains(code)) {
            specs.add(code);
          }
        }
        List<HalfDay> slots = new ArrayList<>();
        for (HalfDay slot : HalfDay.values()) {
          if (random.nextInt(4) == 0) {
            slots.add(slot);
          }
        }
        VolunteerStatus status =
            random.nextInt(20) == 0
                ? VolunteerStatus.PAUSED
                : random.nextInt(40) == 0 ? VolunteerStatus.LEFT : VolunteerStatus.ACTIVE;
        LocalDate joined =
            LocalDate.of(2018, 1, 1)
                .plusDays(
                    random.nextInt(
                        (int) (today.toEpochDay() - LocalDate.of(2018, 1, 1).toEpochDay())));
        commands.add(
            new RegisterVolunteer(
                name,
                gender,
                birth,
                id,
                String.format("1700000%04d", n + 1),
                backgrounds.get(n),
                specs,
                DIALECTS[random.nextInt(DIALECTS.length)] + "、普通话",
                slots,
                center.id().value(),
                status,
                joined,
                null));
      }
    }
    link("counselor-371623", "371623", commands, everyCenter);
    link("counselor-371625", "371625", commands, everyCenter);
    link("counselor-371681", "371681", commands, everyCenter);
    List<Volunteer> created = registry.registerAll(commands, everyCenter);
    List<VolunteerQualification> certificates = new ArrayList<>();
    List<VolunteerHours> log = new ArrayList<>();
    for (Volunteer v : created) {
      addQualificationsAndHours(v, random, today, certificates, log);
    }
    qualifications.saveAll(certificates);
    hours.saveAll(log);
  }

  /**
   * A certificate for the backgrounds that hold one and a few entries of hours in the last year.
   */
  void addQualificationsAndHours(
      Volunteer v,
      Random random,
      LocalDate today,
      List<VolunteerQualification> certificates,
      List<VolunteerHours> log) {
    String[] qualification =
        switch (v.background()) {
          case LAWYER -> new String[] {"律师执业证", "山东省司法厅"};
          case PSYCHOLOGICAL_COUNSELOR -> new String[] {"心理咨询师证书", "山东省心理卫生协会"};
          case SOCIAL_WORKER -> new String[] {"社会工作者职业水平证书", "人力资源和社会保障部"};
          case FAMILY_INSTRUCTOR -> new String[] {"婚姻家庭咨询师证书", "中国婚姻家庭研究会"};
          default -> null;
        };
    if (qualification != null) {
      // About one in ten runs out within the month, so the managers' warning has something to show.
      LocalDate expires =
          random.nextInt(10) == 0
              ? today.plusDays(1 + random.nextInt(29))
              : today.plusDays(60 + random.nextInt(1500));
      certificates.add(
          v.addQualification(
              new AddQualification(
                  qualification[0],
                  "DEMO-" + (100000 + random.nextInt(900000)),
                  qualification[1],
                  expires)));
    }
    for (int k = 0, count = 1 + random.nextInt(5); k < count; k++) {
      boolean training = random.nextInt(3) == 0;
      LocalDate day = today.minusDays(1 + random.nextInt(365));
      if (day.isBefore(v.joinedOn())) {
        day = v.joinedOn();
      }
      log.add(
          v.logHours(
              new LogHours(
                  training ? HoursKind.TRAINING : HoursKind.SERVICE,
                  day,
                  BigDecimal.valueOf(1 + random.nextInt(8))
                      .add(random.nextBoolean() ? new BigDecimal("0.5") : BigDecimal.ZERO),
                  training ? "婚姻家庭辅导志愿者培训" : "离婚冷静期婚姻家庭辅导"),
              today,
              "demo",
              clock.instant()));
    }
  }

  /** Links a demo counselor account to the first active volunteer of its county. */
  private void link(
      String username,
      String county,
      List<RegisterVolunteer> commands,
      List<CenterView> everyCenter) {
    UserRef account = users.findByUsername(username).orElse(null);
    if (account == null) {
      return;
    }
    List<UUID> countyCenters =
        everyCenter.stream()
            .filter(c -> c.regionCode().startsWith(county))
            .map(c -> c.id().value())
            .toList();
    for (int i = 0; i < commands.size(); i++) {
      RegisterVolunteer v = commands.get(i);
      if (v.status() == VolunteerStatus.ACTIVE && countyCenters.contains(v.centerId())) {
        commands.set(i, v.linkedTo(account.id()));
        return;
      }
    }
  }

  /** A valid number in the county, with a sequence code from 990: unmistakably made up. */
  private static String idNumber(String county, LocalDate birth, Gender gender, Set<String> taken) {
    for (int seq = 990; seq <= 999; seq++) {
      if ((seq % 2 == 1) != (gender == Gender.MALE)) {
        continue;
      }
      String first17 =
          county + birth.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE) + seq;
      String id = first17 + ResidentIdNumber.checkCharacter(first17);
      if (taken.add(id)) {
        return id;
      }
    }
    throw new IllegalStateException("no free demo ID number for " + county + " " + birth);
  }
}
