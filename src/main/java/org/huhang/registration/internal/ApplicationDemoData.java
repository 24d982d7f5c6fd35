package org.huhang.registration.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.huhang.region.RegionView;
import org.huhang.region.Regions;
import org.huhang.registration.CoolingOffDates;
import org.huhang.registration.Party;
import org.huhang.registration.RecordApplication;
import org.huhang.shared.Actor;
import org.huhang.shared.DemoMode;
import org.huhang.shared.Role;
import org.huhang.shared.person.Gender;
import org.huhang.shared.person.ResidentIdNumber;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A few hundred demo applications received in the 60 days before the data set is loaded (and a
 * handful a little older, which the start-up catch-up marks deemed withdrawn), in every state, so
 * that the board, the provisional deadlines and the outcomes show on a fresh start. The parties are
 * plainly fictitious: phones 170-0000-xxxx, ID sequence codes 99x.
 */
@Component
@Order(40)
class ApplicationDemoData implements ApplicationRunner {

  static final int APPLICATIONS = 300;
  private static final String[] COUNTIES = {
    "371602", "371603", "371621", "371622", "371623", "371625", "371681"
  };
  private static final String SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕";
  private static final String GIVEN = "伟强磊军勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林欢阳建国红梅秀英丽娟静敏燕艳芳娜霞玲";

  private final ApplicationRecording applications;
  private final DivorceApplicationRepository repository;
  private final CalendarRepository calendar;
  private final Regions regions;
  private final DemoMode demo;
  private final Clock clock;

  ApplicationDemoData(
      ApplicationRecording applications,
      DivorceApplicationRepository repository,
      CalendarRepository calendar,
      Regions regions,
      DemoMode demo,
      Clock clock) {
    this.applications = applications;
    this.repository = repository;
    this.calendar = calendar;
    this.regions = regions;
    this.demo = demo;
    this.clock = clock;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    if (!demo.enabled() || repository.count() > 0) {
      return;
    }
    Random random = new Random(2020_1077L);
    LocalDate today = LocalDate.now(clock);
    CoolingOffClock clockOfCalendar = new CoolingOffClock(calendar.current());
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < APPLICATIONS; i++) {
      String county = COUNTIES[i % COUNTIES.length];
      RegionView office = regions.find(county).orElseThrow();
      Actor registrar =
          new Actor(
              null, "demo", "demo", Role.REGISTRAR, office.code(), office.name(), office.path());
      // Most within the last 60 days; every 25th a little older, left for the catch-up job.
      LocalDate received =
          today.minusDays(i % 25 == 0 ? 62 + random.nextInt(14) : random.nextInt(61));
      LocalDate married = received.minusDays(365L + random.nextInt(365 * 15));
      boolean offered = random.nextInt(10) < 9;
      boolean accepted = offered && random.nextInt(10) < 7;
      Party husband = party(county, Gender.MALE, random, ids, i);
      Party wife = party(county, Gender.FEMALE, random, ids, i);
      RecordApplication command =
          new RecordApplication(
              received, husband, wife, married, random.nextInt(3), offered, accepted);
      DivorceApplication application = applications.prepare(command, registrar, clockOfCalendar);
      repository.save(application);
      CoolingOffDates d = application.dates();
      int fate = random.nextInt(10);
      if (fate < 3 && !received.isAfter(today)) {
        LocalDate latest = d.withdrawalDeadline().isBefore(today) ? d.withdrawalDeadline() : today;
        long span = Math.max(0, latest.toEpochDay() - received.toEpochDay());
        LocalDate on = received.plusDays(span == 0 ? 0 : random.nextLong(span + 1));
        application.withdraw(on, random.nextBoolean() ? "A" : "BOTH", today);
        repository.save(application);
      } else if (fate < 6 && !d.withdrawalProvisional() && !d.certificateFrom().isAfter(today)) {
        LocalDate latest =
            d.certificateDeadline().isBefore(today) ? d.certificateDeadline() : today;
        long span = latest.toEpochDay() - d.certificateFrom().toEpochDay();
        LocalDate on = d.certificateFrom().plusDays(span <= 0 ? 0 : random.nextLong(span + 1));
        application.issueCertificate(on, today);
        repository.save(application);
      }
    }
  }

  private static Party party(
      String county, Gender gender, Random random, Set<String> taken, int n) {
    LocalDate birth =
        LocalDate.of(1965 + random.nextInt(35), 1 + random.nextInt(12), 1 + random.nextInt(28));
    String id;
    do {
      int seq = 990 + random.nextInt(5) * 2 + (gender == Gender.MALE ? 1 : 0);
      String first17 =
          county + birth.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE) + seq;
      id = first17 + ResidentIdNumber.checkCharacter(first17);
      if (!taken.add(id)) {
        birth = birth.plusDays(1);
        id = null;
      }
    } while (id == null);
    String name =
        String.valueOf(SURNAMES.charAt(random.nextInt(SURNAMES.length())))
            + GIVEN.charAt(
                (gender == Gender.MALE ? 0 : GIVEN.length() - GIVEN.length() / 2)
                    + random.nextInt(GIVEN.length() / 2));
    return new Party(
        name,
        gender,
        birth,
        id,
        String.format("1700001%04d", (n * 2 + (gender == Gender.MALE ? 0 : 1)) % 10000));
  }
}
