package org.huhang.casework.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.huhang.casework.CaseId;
import org.huhang.casework.CaseParty;
import org.huhang.casework.CaseSource;
import org.huhang.casework.CaseStage;
import org.huhang.casework.OpenCase;
import org.huhang.casework.PartyRole;
import org.huhang.casework.ReferralView;
import org.huhang.casework.RelatedPerson;
import org.huhang.casework.Relation;
import org.huhang.casework.ScreeningAnswers;
import org.huhang.casework.SessionNotes;
import org.huhang.casework.SixSteps;
import org.huhang.center.CenterView;
import org.huhang.identity.UserRef;
import org.huhang.identity.Users;
import org.huhang.region.RegionView;
import org.huhang.region.Regions;
import org.huhang.shared.Actor;
import org.huhang.shared.DemoMode;
import org.huhang.shared.LegalTime;
import org.huhang.shared.Role;
import org.huhang.shared.demo.BinzhouHistory;
import org.huhang.shared.person.Gender;
import org.huhang.shared.person.PersonalDataProtector;
import org.huhang.volunteer.Volunteers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Demo cases on the embedded database, so that every demo role has real work on its home page: in
 * each demo county some referrals stay in the queue; one accepted case is active with consents,
 * screenings, a held joint session with six-step notes and sessions tomorrow and later; one
 * hand-opened hotline case is HIGH risk with a safety plan and referrals; one closed case has its
 * first follow-up due. The lead counselor of each is the county's demo counselor.
 */
@Component
@Order(50)
class CaseworkDemoData implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(CaseworkDemoData.class);

  /** The demo counties, their counselor, and who opens cases there (the manager, or the admin). */
  private static final List<String[]> COUNTIES =
      List.of(
          new String[] {"371623", "counselor-371623", "manager-371623"},
          new String[] {"371625", "counselor-371625", "manager-371625"},
          new String[] {"371681", "counselor-371681", "admin-371681"});

  /** The hotline caller, her husband and their child in each demo county: fictitious. */
  private static final java.util.Map<String, String[]> HOTLINE_NAMES =
      java.util.Map.of(
          "371623", new String[] {"孙丽娟", "马志刚", "马小雨"},
          "371625", new String[] {"周晓燕", "郑海涛", "郑一鸣"},
          "371681", new String[] {"韩静", "吴建国", "吴悦"});

  /** The walk-in couple whose case is closed, in each demo county: fictitious. */
  private static final java.util.Map<String, String[]> WALK_IN_NAMES =
      java.util.Map.of(
          "371623", new String[] {"高秀兰", "石建军"},
          "371625", new String[] {"许丽", "贾宏伟"},
          "371681", new String[] {"田敏", "崔永强"});

  private final ReferralDesk referrals;
  private final CaseFile cases;
  private final Users users;
  private final Regions regions;
  private final Volunteers volunteers;
  private final PersonalDataProtector protector;
  private final JsonMapper json;
  private final JdbcClient jdbc;
  private final DemoMode demo;
  private final Clock clock;

  CaseworkDemoData(
      ReferralDesk referrals,
      CaseFile cases,
      Users users,
      Regions regions,
      Volunteers volunteers,
      PersonalDataProtector protector,
      JsonMapper json,
      JdbcClient jdbc,
      DemoMode demo,
      Clock clock) {
    this.referrals = referrals;
    this.cases = cases;
    this.users = users;
    this.regions = regions;
    this.volunteers = volunteers;
    this.protector = protector;
    this.json = json;
    this.jdbc = jdbc;
    this.demo = demo;
    this.clock = clock;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    if (!demo.enabled()
        || jdbc.sql("select count(*) from casework.counseling_case").query(Long.class).single()
            > 0) {
      return;
    }
    referrals.referMissing();
    int made = 0;
    for (String[] county : COUNTIES) {
      Optional<Actor> opener = actor(county[2]);
      Optional<UserRef> counselor = users.findByUsername(county[1]);
      if (opener.isEmpty() || counselor.isEmpty()) {
        continue;
      }
      Optional<Lead> lead = lead(counselor.get().id());
      if (lead.isEmpty()) {
        continue;
      }
      made += county(county[0], opener.get(), lead.get());
    }
    made += unassigned();
    log.info("{} demo counseling cases opened", made);
  }

  private record Lead(UUID volunteerId, UUID userId, String name) {}

  private Optional<Lead> lead(UUID userId) {
    return volunteers.forUser(userId).map(v -> new Lead(v.id().value(), userId, v.name()));
  }

  private int county(String code, Actor opener, Lead lead) {
    List<ReferralView> queue = referrals.queue(opener, 50);
    if (queue.size() < 2) {
      return 0;
    }
    List<CenterView> into = referrals.acceptInto(queue.get(0).id(), opener);
    if (into.isEmpty()) {
      return 0;
    }
    LocalDate today = LocalDate.now(clock);
    // An active case from the queue: both consented and screened LOW, a joint session held.
    UUID active = referrals.accept(queue.get(0).id(), into.get(0).id(), opener);
    // Opened a few days after the couple applied (never before it).
    int activeAge =
        (int)
            Math.min(
                6, java.time.temporal.ChronoUnit.DAYS.between(queue.get(0).receivedOn(), today));
    backdate(active, activeAge);
    team(active, lead, opener, 6);
    for (PartyRole p : PartyRole.values()) {
      consent(active, p, opener, 6);
      screening(
          active,
          p,
          new ScreeningAnswers(false, false, false, false, false, false, false, false, false),
          "LOW",
          lead,
          6);
    }
    jdbc.sql(
            "update casework.counseling_case set risk = 'LOW', status = 'ACTIVE',"
                + " issue_categories = '{COMMUNICATION,IN_LAWS}' where id = :id")
        .param("id", active)
        .update();
    UUID held = session(active, today.minusDays(4).atTime(9, 30), "BOTH", "HELD", lead);
    notes(held, lead, today.minusDays(4).atTime(11, 0));
    session(active, today.plusDays(1).atTime(9, 30), "BOTH", "SCHEDULED", lead);
    session(active, today.plusDays(8).atTime(14, 30), "A", "SCHEDULED", lead);

    // A HIGH-risk hotline case: the wife alone, strangulation in the past year.
    CenterView center = into.get(0);
    CaseId high =
        cases.open(
            new OpenCase(
                center.id().value(),
                CaseStage.MARRIAGE,
                CaseSource.HOTLINE,
                List.of("VIOLENCE"),
                List.of(
                    new CaseParty(
                        PartyRole.A,
                        HOTLINE_NAMES.get(code)[0],
                        Gender.FEMALE,
                        LocalDate.of(1988, 5, 12),
                        null,
                        "1700000" + code.substring(2)),
                    new CaseParty(
                        PartyRole.B,
                        HOTLINE_NAMES.get(code)[1],
                        Gender.MALE,
                        LocalDate.of(1985, 3, 2),
                        null,
                        null)),
                List.of(
                    new RelatedPerson(
                        Relation.CHILD, HOTLINE_NAMES.get(code)[2], LocalDate.of(2016, 9, 1))),
                null),
            opener);
    backdate(high.value(), 3);
    team(high.value(), lead, opener, 3);
    consent(high.value(), PartyRole.A, opener, 3);
    screening(
        high.value(),
        PartyRole.A,
        new ScreeningAnswers(true, false, true, false, true, true, true, true, false),
        "HIGH",
        lead,
        3);
    jdbc.sql("update casework.counseling_case set risk = 'HIGH', status = 'ACTIVE' where id = :id")
        .param("id", high.value())
        .update();
    jdbc.sql(
            """
            insert into casework.safety_plan
              (case_id, contacts_cipher, safe_place_cipher, next_steps_cipher, updated_by, updated_at)
            values (:case, :contacts, :place, :steps, :by, :at)""")
        .param("case", high.value())
        .param("contacts", protector.encrypt("妹妹（同城）；村妇联主席；紧急情况拨打 110"))
        .param("place", protector.encrypt("妹妹家；必要时县救助管理站临时庇护"))
        .param("steps", protector.encrypt("备好证件和常用药；保存就诊记录和照片；申请人身安全保护令"))
        .param("by", usernameOf(lead))
        .param("at", at(today.minusDays(3).atTime(16, 0)))
        .update();
    referral(high.value(), "PROTECTION_ORDER", today.minusDays(2), true, "PENDING", null, lead);
    referral(
        high.value(), "LEGAL_AID", today.minusDays(3), false, "DONE", today.minusDays(1), lead);
    referral(
        high.value(),
        "POLICE_WARNING",
        today.minusDays(3),
        false,
        "GRANTED",
        today.minusDays(2),
        lead);
    session(high.value(), today.plusDays(2).atTime(10, 0), "A", "SCHEDULED", lead);

    // A case closed 35 days ago as reconciled: its first follow-up is due.
    // A walk-in couple counseled in the autumn, reconciled, closed 35 days ago.
    UUID closed =
        cases
            .open(
                new OpenCase(
                    center.id().value(),
                    CaseStage.MARRIAGE,
                    CaseSource.WALK_IN,
                    List.of("COMMUNICATION", "MONEY_PROPERTY"),
                    List.of(
                        new CaseParty(
                            PartyRole.A,
                            WALK_IN_NAMES.get(code)[0],
                            Gender.FEMALE,
                            LocalDate.of(1987, 10, 3),
                            null,
                            null),
                        new CaseParty(
                            PartyRole.B,
                            WALK_IN_NAMES.get(code)[1],
                            Gender.MALE,
                            LocalDate.of(1986, 1, 20),
                            null,
                            null)),
                    List.of(),
                    null),
                opener)
            .value();
    backdate(closed, 70);
    team(closed, lead, opener, 70);
    for (PartyRole p : PartyRole.values()) {
      consent(closed, p, opener, 70);
      jdbc.sql(
              "insert into casework.consent (id, case_id, party, purpose, given_at, recorded_by)"
                  + " values (:id, :case, :party, 'FOLLOW_UP', :at, :by)")
          .param("id", UUID.randomUUID())
          .param("case", closed)
          .param("party", p.name())
          .param("at", at(today.minusDays(70).atTime(10, 0)))
          .param("by", opener.username())
          .update();
      screening(
          closed,
          p,
          new ScreeningAnswers(false, false, false, false, false, false, false, false, false),
          "LOW",
          lead,
          69);
    }
    UUID past = session(closed, today.minusDays(60).atTime(15, 0), "BOTH", "HELD", lead);
    notes(past, lead, today.minusDays(60).atTime(16, 30));
    LocalDate closedOn = today.minusDays(35);
    jdbc.sql(
            """
            update casework.counseling_case
               set risk = 'LOW', status = 'CLOSED', outcome = 'RECONCILED', closed_on = :on,
                   closed_by = :by, issue_categories = '{COMMUNICATION,MONEY_PROPERTY}'
             where id = :id""")
        .param("on", closedOn)
        .param("by", usernameOf(lead))
        .param("id", closed)
        .update();
    for (int months : new int[] {1, 3, 6, 12}) {
      jdbc.sql(
              "insert into casework.follow_up (id, case_id, months, due_on)"
                  + " values (:id, :case, :months, :due)")
          .param("id", UUID.randomUUID())
          .param("case", closed)
          .param("months", months)
          .param("due", closedOn.plusMonths(months))
          .update();
    }
    return 3;
  }

  /**
   * A hotline call in 滨城区 taken yesterday by the city office: opened, not yet screened, no team yet
   * — the state every new case starts in.
   */
  private int unassigned() {
    Optional<Actor> admin = actor("admin");
    if (admin.isEmpty()) {
      return 0;
    }
    Optional<CenterView> center =
        cases.openableCenters(admin.get()).stream()
            .filter(c -> c.regionPath().startsWith(BinzhouHistory.CITY_PATH + "371602/"))
            .findFirst();
    if (center.isEmpty()) {
      return 0;
    }
    CaseId id =
        cases.open(
            new OpenCase(
                center.get().id().value(),
                CaseStage.MARRIAGE,
                CaseSource.HOTLINE,
                List.of("COMMUNICATION", "SEPARATION_BY_WORK"),
                List.of(
                    new CaseParty(
                        PartyRole.A,
                        "刘春梅",
                        Gender.FEMALE,
                        LocalDate.of(1992, 8, 8),
                        null,
                        "17000000602"),
                    new CaseParty(
                        PartyRole.B, "赵磊", Gender.MALE, LocalDate.of(1990, 2, 14), null, null)),
                List.of(),
                null),
            admin.get());
    backdate(id.value(), 1);
    return 1;
  }

  /** A demo case opened some days ago, not on the day the demo was loaded. */
  private void backdate(UUID caseId, int daysAgo) {
    LocalDate on = LocalDate.now(clock).minusDays(daysAgo);
    jdbc.sql("update casework.counseling_case set opened_on = :on, created_at = :at where id = :id")
        .param("on", on)
        .param("at", at(on.atTime(8, 40)))
        .param("id", caseId)
        .update();
    jdbc.sql("update casework.referral set decided_at = :at where case_id = :id")
        .param("at", at(on.atTime(8, 40)))
        .param("id", caseId)
        .update();
  }

  private Optional<Actor> actor(String username) {
    return users
        .findByUsername(username)
        .flatMap(
            u -> {
              String code = u.regionPath().substring(0, u.regionPath().length() - 1);
              code = code.substring(code.lastIndexOf('/') + 1);
              Optional<RegionView> region = regions.find(code);
              return region.map(
                  r ->
                      new Actor(
                          u.id(),
                          u.username(),
                          u.displayName(),
                          u.role(),
                          r.code(),
                          r.name(),
                          r.path()));
            })
        .filter(a -> a.is(Role.CENTER_MANAGER) || a.role().isAdministrator());
  }

  private void team(UUID caseId, Lead lead, Actor by, int daysAgo) {
    jdbc.sql(
            """
            insert into casework.team_member
              (id, case_id, volunteer_id, user_id, name, lead, assigned_by, assigned_at)
            values (:id, :case, :volunteer, :user, :name, true, :by, :at)""")
        .param("id", UUID.randomUUID())
        .param("case", caseId)
        .param("volunteer", lead.volunteerId())
        .param("user", lead.userId())
        .param("name", lead.name())
        .param("by", by.username())
        .param("at", at(LocalDate.now(clock).minusDays(daysAgo).atTime(9, 0)))
        .update();
  }

  private void consent(UUID caseId, PartyRole party, Actor by, int daysAgo) {
    for (String purpose : List.of("COUNSELING", "SENSITIVE_PROCESSING")) {
      jdbc.sql(
              "insert into casework.consent (id, case_id, party, purpose, given_at, recorded_by)"
                  + " values (:id, :case, :party, :purpose, :at, :by)")
          .param("id", UUID.randomUUID())
          .param("case", caseId)
          .param("party", party.name())
          .param("purpose", purpose)
          .param("at", at(LocalDate.now(clock).minusDays(daysAgo).atTime(9, 10)))
          .param("by", by.username())
          .update();
    }
  }

  private void screening(
      UUID caseId, PartyRole party, ScreeningAnswers answers, String risk, Lead by, int daysAgo) {
    jdbc.sql(
            """
            insert into casework.screening
              (id, case_id, party, answers_cipher, risk, screened_at, screened_by)
            values (:id, :case, :party, :answers, :risk, :at, :by)""")
        .param("id", UUID.randomUUID())
        .param("case", caseId)
        .param("party", party.name())
        .param("answers", protector.encrypt(json.writeValueAsString(answers)))
        .param("risk", risk)
        .param(
            "at",
            at(LocalDate.now(clock).minusDays(daysAgo).atTime(party == PartyRole.A ? 9 : 10, 20)))
        .param("by", usernameOf(by))
        .update();
  }

  private UUID session(UUID caseId, LocalDateTime when, String attendees, String status, Lead by) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into casework.session
              (id, case_id, scheduled_at, duration_minutes, channel, place, attendees, counselors,
               status, created_by, created_at)
            values (:id, :case, :at, 60, 'IN_PERSON', :place, :attendees, :counselors, :status,
                    :by, :created)""")
        .param("id", id)
        .param("case", caseId)
        .param("at", at(when))
        .param("place", "辅导中心谈心室")
        .param("attendees", attendees)
        .param("counselors", new UUID[] {by.userId()})
        .param("status", status)
        .param("by", usernameOf(by))
        .param("created", at(when.minusDays(2)))
        .update();
    return id;
  }

  /**
   * The demo notes of a joint session, each party's six steps from that party's side: the husband's
   * notes go to whichever party is the man, so a teaching case drafted from them reads true.
   */
  private void notes(UUID sessionId, Lead by, LocalDateTime savedAt) {
    SixSteps husband =
        new SixSteps(
            "认为家务和照顾老人应该由妻子承担",
            "只从自己工作辛苦的角度看问题",
            "委屈、烦躁，觉得不被理解",
            "回家后沉默、玩手机，回避沟通",
            "妻子觉得被冷落，争吵增多",
            "愿意尝试每周固定时间交流家务分工");
    SixSteps wife =
        new SixSteps(
            "认为丈夫应主动分担家务和育儿",
            "把丈夫的沉默理解为不在乎",
            "失望、孤单，常感到疲惫",
            "抱怨、提出离婚",
            "双方关系紧张，孩子也受到影响",
            "明白丈夫并非不在乎，愿意先说出具体需要");
    String partyA =
        jdbc.sql(
                """
                select p.gender from casework.case_party p
                  join casework.session s on s.case_id = p.case_id
                 where s.id = :id and p.role = 'A'""")
            .param("id", sessionId)
            .query(String.class)
            .optional()
            .orElse("MALE");
    boolean aIsWife = Gender.FEMALE.name().equals(partyA);
    SessionNotes notes =
        new SessionNotes(
            aIsWife ? wife : husband,
            aIsWife ? husband : wife,
            "双方都表示仍有感情基础，主要矛盾是家务分工与婆媳关系。",
            "每周日晚上家庭会议半小时；丈夫负责接送孩子三天。",
            "两周后复谈");
    jdbc.sql(
            """
            update casework.session
               set notes_cipher = :notes, notes_saved_at = :at, notes_saved_by = :by
             where id = :id""")
        .param("notes", protector.encrypt(SessionNotesJson.write(notes)))
        .param("at", at(savedAt))
        .param("by", usernameOf(by))
        .param("id", sessionId)
        .update();
  }

  private void referral(
      UUID caseId,
      String kind,
      LocalDate on,
      boolean onBehalf,
      String result,
      LocalDate resultOn,
      Lead by) {
    jdbc.sql(
            """
            insert into casework.safety_referral
              (id, case_id, kind, made_on, on_behalf, result, result_on, recorded_by, recorded_at)
            values (:id, :case, :kind, :on, :behalf, :result, :resultOn, :by, :at)""")
        .param("id", UUID.randomUUID())
        .param("case", caseId)
        .param("kind", kind)
        .param("on", on)
        .param("behalf", onBehalf)
        .param("result", result)
        .param("resultOn", resultOn)
        .param("by", usernameOf(by))
        .param("at", at(on.atTime(LocalTime.of(15, 0))))
        .update();
  }

  private String usernameOf(Lead lead) {
    return users.find(lead.userId()).map(UserRef::username).orElse(lead.name());
  }

  private static Timestamp at(LocalDateTime local) {
    Instant instant = local.atZone(LegalTime.ZONE).toInstant();
    return Timestamp.from(instant);
  }
}
