package org.huhang.selfservice.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.huhang.center.CenterView;
import org.huhang.center.Centers;
import org.huhang.selfservice.AnsweredQuestionnaire.Item;
import org.huhang.selfservice.HalfDaySlot;
import org.huhang.selfservice.Question;
import org.huhang.selfservice.QuestionType;
import org.huhang.selfservice.QuestionnaireKind;
import org.huhang.shared.DemoMode;
import org.huhang.shared.LegalTime;
import org.huhang.shared.person.Gender;
import org.huhang.shared.person.PersonalDataProtector;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo's families on their phones: at each county's counseling center two bookings waiting for
 * the manager (无棣's second one names fear, so the flag shows), and this year's satisfaction surveys
 * of bookings accepted into the center's closed demo cases, most of them answered. Deterministic (a
 * fixed seed); written once, when no booking exists.
 */
@Component
@Order(80)
class SelfserviceDemoData implements ApplicationRunner {

  private static final String[] NAMES = {"王丽", "张敏", "刘芳", "陈静", "李娜", "赵艳", "孙秀英", "周婷"};

  private final DemoMode demo;
  private final JdbcClient jdbc;
  private final Centers centers;
  private final org.huhang.casework.CaseIntake cases;
  private final Slots slots;
  private final StandardQuestionnaires standard;
  private final PersonalDataProtector protector;
  private final Clock clock;

  SelfserviceDemoData(
      DemoMode demo,
      JdbcClient jdbc,
      Centers centers,
      org.huhang.casework.CaseIntake cases,
      Slots slots,
      StandardQuestionnaires standard,
      PersonalDataProtector protector,
      Clock clock) {
    this.demo = demo;
    this.jdbc = jdbc;
    this.centers = centers;
    this.cases = cases;
    this.slots = slots;
    this.standard = standard;
    this.protector = protector;
    this.clock = clock;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    if (!demo.enabled()
        || jdbc.sql("select exists (select 1 from selfservice.booking)")
            .query(Boolean.class)
            .single()) {
      return;
    }
    Random random = new Random(20261130L);
    LocalDate today = LocalDate.now(clock.withZone(LegalTime.ZONE));
    List<CenterView> counties =
        centers.all().stream().filter(c -> c.name().endsWith("婚姻家庭辅导中心")).toList();
    int n = 0;
    for (CenterView c : counties) {
      List<HalfDaySlot> free = slots.free(c.id().value(), today);
      for (int i = 0; i < 2 && i < free.size(); i++) {
        boolean afraid = i == 1 && "371623".equals(c.regionCode());
        booking(c, free.get(i), "REQUESTED", null, afraid, n++, today);
      }
      List<UUID> closed = cases.closedAt(c.id().value(), 9);
      for (UUID caseId : closed) {
        LocalDate day = today.minusDays(7 + random.nextInt(150));
        UUID booking =
            booking(
                c,
                new HalfDaySlot(day, HalfDaySlot.Part.AM),
                "ACCEPTED",
                caseId,
                false,
                n++,
                day.minusDays(3));
        survey(c, booking, day.plusDays(1), random);
      }
    }
  }

  private UUID booking(
      CenterView c,
      HalfDaySlot slot,
      String status,
      UUID caseId,
      boolean afraid,
      int n,
      LocalDate createdOn) {
    UUID id = UUID.randomUUID();
    String phone = "1380000" + String.format("%04d", 1000 + n);
    Instant created = createdOn.atTime(10, 0).atZone(LegalTime.ZONE).toInstant();
    jdbc.sql(
            """
            insert into selfservice.booking
                   (id, reference, center_id, region_path, phone_hash, phone_cipher, person_cipher,
                    topic, slot_date, half_day, together, safety_concern, message_cipher, status,
                    case_id, decided_by, decided_at, created_at, updated_at)
            values (:id, :ref, :center, :path, :hash, :phone, :person, :topic, :day, :part,
                    :together, :afraid, null, :status, :case, :by, :at, :created, :created)""")
        .param("id", id)
        .param("ref", "DEMO" + String.format("%04d", n))
        .param("center", c.id().value())
        .param("path", c.regionPath())
        .param("hash", protector.lookupHash("phone:" + phone))
        .param("phone", protector.encrypt(phone))
        .param(
            "person",
            protector.encrypt(
                new SealedPerson(
                        NAMES[n % NAMES.length], Gender.FEMALE, LocalDate.of(1988 + n % 10, 5, 1))
                    .json()))
        .param("topic", n % 3 == 0 ? "COOLING_OFF" : "RELATIONSHIP")
        .param("day", slot.date())
        .param("part", slot.part().name())
        .param("together", !afraid && n % 2 == 0)
        .param("afraid", afraid)
        .param("status", status)
        .param("case", caseId)
        .param("by", caseId == null ? null : "demo")
        .param("at", caseId == null ? null : Timestamp.from(created))
        .param("created", Timestamp.from(created))
        .update();
    return id;
  }

  /** An invitation the day after; three in four answered, scores mostly 4 and 5. */
  private void survey(CenterView c, UUID booking, LocalDate invitedOn, Random random) {
    Instant invited = invitedOn.atTime(10, 5).atZone(LegalTime.ZONE).toInstant();
    boolean answered = random.nextInt(4) > 0;
    Instant answeredAt = invited.plusSeconds(3600L * (1 + random.nextInt(48)));
    byte[] token = new byte[24];
    random.nextBytes(token);
    jdbc.sql(
            """
            insert into selfservice.survey_invitation
                   (booking_id, token_hash, center_id, region_path, invited_at, expires_at,
                    answered_at)
            values (:b, :h, :c, :p, :at, :until, :answered)""")
        .param("b", booking)
        .param(
            "h", protector.lookupHash("survey:demo:" + java.util.HexFormat.of().formatHex(token)))
        .param("c", c.id().value())
        .param("p", c.regionPath())
        .param("at", Timestamp.from(invited))
        .param("until", Timestamp.from(invited.plus(Surveys.INVITATION_OPEN)))
        .param("answered", answered ? Timestamp.from(answeredAt) : null)
        .update();
    if (!answered) {
      return;
    }
    List<Item> items = new ArrayList<>();
    int sum = 0;
    int scales = 0;
    for (Question q : standard.questions(QuestionnaireKind.AFTER)) {
      if (q.type() == QuestionType.SCALE) {
        int score = random.nextInt(10) < 7 ? 5 : 3 + random.nextInt(2);
        sum += score;
        scales++;
        items.add(new Item(q, null, List.of(), score));
      } else if (q.type().hasOptions()) {
        items.add(new Item(q, null, List.of(q.options().get(0)), null));
      } else {
        items.add(new Item(q, null, List.of(), null));
      }
    }
    jdbc.sql(
            """
            insert into selfservice.answer
                   (id, booking_id, kind, center_id, region_path, answers_cipher, satisfaction,
                    answered_at)
            values (:id, :b, 'AFTER', :c, :p, :cipher, :s, :at)""")
        .param("id", UUID.randomUUID())
        .param("b", booking)
        .param("c", c.id().value())
        .param("p", c.regionPath())
        .param(
            "cipher",
            protector.encrypt(
                QuestionnaireJson.answers(standard.title(QuestionnaireKind.AFTER), items)))
        .param(
            "s",
            BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(scales), 2, RoundingMode.HALF_UP))
        .param("at", Timestamp.from(answeredAt))
        .update();
  }
}
