package org.huhang.volunteer.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.huhang.center.CenterKind;
import org.huhang.center.CenterView;
import org.huhang.center.Centers;
import org.huhang.identity.UserRef;
import org.huhang.identity.Users;
import org.huhang.shared.demo.BinzhouHistory;
import org.huhang.shared.demo.HistoryCity;
import org.huhang.shared.demo.HistoryStep;
import org.huhang.shared.person.Gender;
import org.huhang.shared.person.ResidentIdNumber;
import org.huhang.volunteer.Background;
import org.huhang.volunteer.HalfDay;
import org.huhang.volunteer.RegisterVolunteer;
import org.huhang.volunteer.Speciality;
import org.huhang.volunteer.VolunteerCount;
import org.huhang.volunteer.VolunteerStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@link BinzhouHistory}'s volunteers: the city reports {@link BinzhouHistory#VOLUNTEERS}
 * active volunteers, the recent demo has fewer active ones (some paused or left), so the history
 * registers the difference, volunteers who joined in 2017 at their county's main center, round the
 * seven counties (36 today: 6 in 滨城区, 5 in each other county). The first of each county is linked
 * to the county's history counselor account ({@code counselor-<county>-01}). They go through {@link
 * VolunteerRegistry#registerAll} as the demo's do, with a certificate and hours as the demo gives.
 * Plainly fictitious: phones 170-0000-9xxx (the demo's run from 0001), identity numbers with
 * sequence codes 98x (the demo's 99x).
 *
 * <p>Registered once: the history's volunteers are a fixed list (a fixed seed), so the step knows
 * its own by their identity numbers, looked up by their keyed hashes as the import looks numbers
 * up. The active volunteers that are not the history's decide how many it needs ({@code 447 −
 * others}); those of that many already registered are skipped. An interrupted or repeated load thus
 * ends with the same volunteers, and one of them paused later is not replaced.
 */
@Component
class VolunteerHistory implements HistoryStep {

  private static final long SEED = 2017_0101L;
  private static final int FIRST_PHONE = 9001;

  private final VolunteerRegistry registry;
  private final VolunteerCounts counts;
  private final VolunteerQueries queries;
  private final VolunteerDemoData demo;
  private final SpecialityDictionary dictionary;
  private final QualificationRepository qualifications;
  private final HoursLog hours;
  private final Centers centers;
  private final Users users;
  private final Clock clock;

  VolunteerHistory(
      VolunteerRegistry registry,
      VolunteerCounts counts,
      VolunteerQueries queries,
      VolunteerDemoData demo,
      SpecialityDictionary dictionary,
      QualificationRepository qualifications,
      HoursLog hours,
      Centers centers,
      Users users,
      Clock clock) {
    this.registry = registry;
    this.counts = counts;
    this.queries = queries;
    this.demo = demo;
    this.dictionary = dictionary;
    this.qualifications = qualifications;
    this.hours = hours;
    this.centers = centers;
    this.users = users;
    this.clock = clock;
  }

  @Override
  public int order() {
    return 2;
  }

  @Override
  public int weight() {
    return 2;
  }

  @Override
  public String labelKey() {
    return "history.step.volunteers";
  }

  @Override
  @Transactional
  public void load(Progress progress) {
    load(progress, 1);
  }

  @Override
  @Transactional
  public void load(Progress progress, int scale, HistoryCity city) {
    List<CenterView> everyCenter = centers.all();
    int total = BinzhouHistory.VOLUNTEERS * scale;
    List<RegisterVolunteer> plan = plan(everyCenter, total, city);
    Map<String, byte[]> hashes = new LinkedHashMap<>();
    for (RegisterVolunteer v : plan) {
      hashes.put(v.idNumber(), registry.idHash(v.idNumber()));
    }
    Set<String> present = registry.alreadyRegistered(hashes);
    long active = counts.active(city.scope()).stream().mapToLong(VolunteerCount::active).sum();
    long others = active - present.size();
    int needed = (int) Math.max(0, Math.min(plan.size(), total - others));
    List<RegisterVolunteer> missing = new ArrayList<>();
    for (int i = 0; i < needed; i++) {
      RegisterVolunteer v = plan.get(i);
      if (!present.contains(v.idNumber())) {
        missing.add(i < city.counties().size() ? linked(v, city.counties().get(i)) : v);
      }
    }
    progress.done(0.3);
    if (!missing.isEmpty()) {
      List<Volunteer> created = registry.registerAll(missing, everyCenter);
      Random random = new Random(SEED + 1);
      LocalDate today = LocalDate.now(clock);
      List<VolunteerQualification> certificates = new ArrayList<>();
      List<VolunteerHours> log = new ArrayList<>();
      for (Volunteer v : created) {
        demo.addQualificationsAndHours(v, random, today, certificates, log);
      }
      qualifications.saveAll(certificates);
      hours.saveAll(log);
    }
    progress.done(1);
  }

  /** Links the county's history counselor account, when it exists and no one holds it yet. */
  private RegisterVolunteer linked(RegisterVolunteer v, String county) {
    UUID account =
        users
            .findByUsername("counselor-" + county + "-01")
            .map(UserRef::id)
            .filter(id -> queries.linkedTo(id).isEmpty())
            .orElse(null);
    return v.linkedTo(account);
  }

  /**
   * Everyone the history could register, in the order it registers them: round the seven counties,
   * each entry fixed whatever the number needed, so that a shorter list is a prefix of a longer.
   */
  private List<RegisterVolunteer> plan(List<CenterView> everyCenter, int total, HistoryCity city) {
    Random random = new Random(SEED ^ city.seed());
    List<String> counties = city.counties();
    List<String> specialityCodes =
        dictionary.specialities().stream().map(Speciality::code).toList();
    Set<String> ids = new HashSet<>();
    List<RegisterVolunteer> plan = new ArrayList<>(total);
    for (int i = 0; i < total; i++) {
      String county = counties.get(i % counties.size());
      CenterView main =
          everyCenter.stream()
              .filter(c -> c.regionCode().startsWith(county) && c.kind() == CenterKind.CENTER)
              .findFirst()
              .orElseThrow(() -> new IllegalStateException("no center in " + county));
      // The counselors' volunteers (the first round) counsel; the others are of every background.
      Background background =
          i < counties.size()
              ? (i % 2 == 0 ? Background.FAMILY_INSTRUCTOR : Background.PSYCHOLOGICAL_COUNSELOR)
              : Background.values()[random.nextInt(Background.values().length)];
      Gender gender = random.nextInt(10) < 9 ? Gender.FEMALE : Gender.MALE;
      LocalDate birth =
          LocalDate.of(1963 + random.nextInt(33), 1 + random.nextInt(12), 1 + random.nextInt(28));
      String name =
          VolunteerDemoData.SURNAMES[random.nextInt(VolunteerDemoData.SURNAMES.length)]
              + VolunteerDemoData.GIVEN[random.nextInt(VolunteerDemoData.GIVEN.length)];
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
      LocalDate joined = LocalDate.of(2017, 1, 1).plusDays(random.nextInt(365));
      String id = idNumber(county, birth, gender, ids);
      String dialect =
          VolunteerDemoData.DIALECTS[random.nextInt(VolunteerDemoData.DIALECTS.length)];
      plan.add(
          new RegisterVolunteer(
              name,
              gender,
              LocalDate.parse(id.substring(6, 14), DateTimeFormatter.BASIC_ISO_DATE),
              id,
              phone(i, city),
              background,
              specs,
              dialect + "、普通话",
              slots,
              main.id().value(),
              VolunteerStatus.ACTIVE,
              joined,
              null));
    }
    return plan;
  }

  /**
   * 170-0000-9xxx for the first 999 (all a city like Binzhou has); beyond, at larger scales only,
   * 170-001x-xxxx, a block neither the demo nor the history's applications use.
   */
  private static String phone(int i, HistoryCity city) {
    if (!city.isBinzhou()) {
      // The province benchmark's other cities: 171-xxxx-xxxx by the city's own digits.
      return String.format("171%s%06d", city.code().substring(2, 4), i % 1_000_000);
    }
    return i < 999 ? String.format("1700000%04d", FIRST_PHONE + i) : String.format("170001%05d", i);
  }

  /** A valid number of the county with a sequence code 98x, unique in the list (else a day on). */
  private static String idNumber(String county, LocalDate birth, Gender gender, Set<String> taken) {
    for (LocalDate day = birth; ; day = day.plusDays(1)) {
      for (int seq = gender == Gender.MALE ? 981 : 980; seq <= 989; seq += 2) {
        String first17 = county + day.format(DateTimeFormatter.BASIC_ISO_DATE) + seq;
        String id = first17 + ResidentIdNumber.checkCharacter(first17);
        if (taken.add(id)) {
          return id;
        }
      }
    }
  }
}
