package org.huhang.casework.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.huhang.audit.AuditTrail;
import org.huhang.casework.CaseParty;
import org.huhang.casework.CaseSource;
import org.huhang.casework.CaseStage;
import org.huhang.casework.OpenCase;
import org.huhang.casework.PartyRole;
import org.huhang.casework.Risk;
import org.huhang.casework.ScreeningAnswers;
import org.huhang.casework.SessionNotes;
import org.huhang.casework.SixSteps;
import org.huhang.center.CenterId;
import org.huhang.center.CenterView;
import org.huhang.center.Centers;
import org.huhang.identity.UserRef;
import org.huhang.identity.Users;
import org.huhang.registration.ApplicationFact;
import org.huhang.registration.ApplicationId;
import org.huhang.registration.DivorceApplications;
import org.huhang.registration.Outcome;
import org.huhang.registration.Party;
import org.huhang.shared.LegalTime;
import org.huhang.shared.RegionPaths;
import org.huhang.shared.demo.BinzhouHistory;
import org.huhang.shared.demo.BinzhouHistory.Counseling;
import org.huhang.shared.demo.BinzhouHistory.Couple;
import org.huhang.shared.demo.BinzhouHistory.Screening;
import org.huhang.shared.demo.HistoryCity;
import org.huhang.shared.demo.HistoryStep;
import org.huhang.shared.person.PersonalDataProtector;
import org.huhang.volunteer.VolunteerSummary;
import org.huhang.volunteer.Volunteers;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The counseling cases of the {@link BinzhouHistory}: for every imported application whose couple
 * took counseling, the case its county's center opened, as the services would have left it when
 * closed: the couple sealed from the application, consents, the county's history counselor as lead,
 * a safety screening of each party alone (answers sealed, risk by {@link ScreeningRules}), sessions
 * held with six-step notes (never joint when a screening found risk), a safety plan and a referral
 * for HIGH risk, the closing with the counselor's outcome and the application's legal outcome, and
 * the four follow-ups done. Built with the aggregate's own moves ({@link CounselingCase#open},
 * {@code raiseRisk}, {@code markActive}, {@code close}) and written in batches of whole received
 * days, each batch one transaction with its applications marked (so a restart resumes at the first
 * day without cases, and the plan's couples of a day are matched to that day's applications by
 * county, day and whether the couple stayed married: the figures come out exact whichever couple of
 * a group gets which case). One audit entry per batch, not per row.
 */
@Component
class CaseHistory implements HistoryStep {

  private static final int BATCH = 2_000;
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String[] CATEGORIES = {
    "COMMUNICATION",
    "COMMUNICATION",
    "MONEY_PROPERTY",
    "IN_LAWS",
    "INFIDELITY",
    "PARENTING",
    "ADDICTION",
    "SEPARATION_BY_WORK",
    "EMOTIONAL_CRISIS"
  };

  private final DivorceApplications applications;
  private final Users users;
  private final Volunteers volunteers;
  private final Centers centers;
  private final CaseQueries queries;
  private final PersonalDataProtector protector;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final AuditTrail audit;
  private final java.time.Clock clock;

  CaseHistory(
      DivorceApplications applications,
      Users users,
      Volunteers volunteers,
      Centers centers,
      CaseQueries queries,
      PersonalDataProtector protector,
      JdbcTemplate jdbc,
      TransactionTemplate transactions,
      AuditTrail audit,
      java.time.Clock clock) {
    this.clock = clock;
    this.applications = applications;
    this.users = users;
    this.volunteers = volunteers;
    this.centers = centers;
    this.queries = queries;
    this.protector = protector;
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.audit = audit;
  }

  @Override
  public int order() {
    return 40;
  }

  @Override
  public int weight() {
    return 50;
  }

  @Override
  public String labelKey() {
    return "history.step.cases";
  }

  /** The county's history counselor: its account, its volunteer and the center it serves. */
  private record Lead(
      String username, UUID userId, UUID volunteerId, String name, CenterView center) {}

  /** An application matched with the plan's couple that stands for it. */
  private record Match(ApplicationFact fact, Couple couple) {}

  @Override
  public void load(Progress progress, int scale, HistoryCity city) {
    List<ApplicationFact> waiting =
        applications.decidedAwaitingCase(city.scope(), BinzhouHistory.FROM, BinzhouHistory.TO);
    if (waiting.isEmpty()) {
      progress.done(1);
      return;
    }
    Map<String, List<Couple>> plans = new HashMap<>();
    for (Couple c : BinzhouHistory.couples(city, scale)) {
      if (c.accepted()) {
        plans
            .computeIfAbsent(
                key(c.county(), c.receivedOn(), c.stayedMarried()), k -> new ArrayList<>())
            .add(c);
      }
    }
    Map<String, Lead> leads = leads(city);
    Set<String> categories = queries.activeCategories();
    // Whole days per batch: a day's groups are all done or all waiting.
    List<Match> batch = new ArrayList<>();
    Map<String, Integer> used = new HashMap<>();
    int done = 0;
    for (int i = 0; i < waiting.size(); i++) {
      ApplicationFact fact = waiting.get(i);
      String county = county(fact.regionPath());
      String key = key(county, fact.receivedOn(), stayed(fact.outcome()));
      List<Couple> group = plans.getOrDefault(key, List.of());
      int n = used.merge(key, 1, Integer::sum) - 1;
      if (n < group.size() && leads.containsKey(county)) {
        batch.add(new Match(fact, group.get(n)));
      }
      boolean dayEnds =
          i + 1 == waiting.size() || !waiting.get(i + 1).receivedOn().equals(fact.receivedOn());
      if (dayEnds && batch.size() >= BATCH) {
        write(batch, leads, categories);
        done += batch.size();
        batch.clear();
        progress.done(i / (double) waiting.size());
      }
    }
    if (!batch.isEmpty()) {
      write(batch, leads, categories);
      done += batch.size();
    }
    progress.done(1);
  }

  private Map<String, Lead> leads(HistoryCity city) {
    Map<String, Lead> leads = new HashMap<>();
    for (String county : city.counties()) {
      String username = "counselor-" + county + "-01";
      UserRef user = users.findByUsername(username).orElse(null);
      if (user == null) {
        throw new IllegalStateException(
            "the history's counselor account " + username + " is missing");
      }
      VolunteerSummary volunteer =
          volunteers
              .forUser(user.id())
              .orElseThrow(
                  () -> new IllegalStateException(username + " is linked to no volunteer"));
      CenterView center = centers.find(new CenterId(volunteer.centerId())).orElseThrow();
      leads.put(
          county, new Lead(username, user.id(), volunteer.id().value(), volunteer.name(), center));
    }
    return leads;
  }

  private void write(List<Match> batch, Map<String, Lead> leads, Set<String> categories) {
    Map<ApplicationId, List<Party>> parties =
        applications.partiesForCases(batch.stream().map(m -> m.fact().id()).toList());
    Rows rows = new Rows();
    for (Match m : batch) {
      build(
          m,
          parties.get(m.fact().id()),
          leads.get(county(m.fact().regionPath())),
          categories,
          rows);
    }
    transactions.executeWithoutResult(
        tx -> {
          rows.insert(jdbc);
          applications.casesOpenedInBulk(batch.stream().map(m -> m.fact().id()).toList());
          audit.recordWrite("case.open.history", "case", batch.size() + " cases");
        });
  }

  /** One case with everything the services would have written for it, as rows. */
  private void build(
      Match m, List<Party> couple, Lead lead, Set<String> activeCategories, Rows rows) {
    ApplicationFact fact = m.fact();
    Couple plan = m.couple();
    Random random = new Random(plan.seed() ^ 0x5EED_CA5EL);
    LocalDate received = fact.receivedOn();
    LocalDate outcomeOn = fact.outcomeOn();
    boolean high = plan.screening() == Screening.HIGH;
    List<String> issues = new ArrayList<>();
    issues.add(CATEGORIES[random.nextInt(CATEGORIES.length)]);
    if (random.nextBoolean()) {
      String second = CATEGORIES[random.nextInt(CATEGORIES.length)];
      if (!issues.contains(second)) {
        issues.add(second);
      }
    }
    if (high) {
      issues.add(0, "VIOLENCE");
    }
    List<CaseParty> parties = new ArrayList<>();
    for (int i = 0; i < couple.size(); i++) {
      Party p = couple.get(i);
      parties.add(
          new CaseParty(
              PartyRole.values()[i], p.name(), p.gender(), p.birthDate(), p.idNumber(), p.phone()));
    }
    CounselingCase caze =
        CounselingCase.open(
            new OpenCase(
                lead.center().id().value(),
                CaseStage.DIVORCE_COOLING_OFF,
                CaseSource.REGISTRATION_REFERRAL,
                issues.stream().filter(activeCategories::contains).toList(),
                parties,
                List.of(),
                fact.id().value()),
            lead.center().regionPath(),
            lead.username(),
            received,
            activeCategories,
            protector);
    UUID caseId = caze.id();
    Instant opened = at(received, 8, 30);
    for (PartyRole party : PartyRole.values()) {
      rows.consent(caseId, party, "COUNSELING", opened, lead.username());
      rows.consent(caseId, party, "SENSITIVE_PROCESSING", opened, lead.username());
      rows.consent(caseId, party, "FOLLOW_UP", opened, lead.username());
    }
    rows.teamMember(caseId, lead, opened.plusSeconds(300));

    // Sessions: on the day received (the registration hall's counseling room) or soon after, never
    // after the outcome when held in time; after it when the couple came only later.
    List<LocalDate> days = new ArrayList<>();
    LocalDate today = LocalDate.now(clock.withZone(LegalTime.ZONE));
    if (plan.counseling() == Counseling.HELD) {
      long room = outcomeOn.toEpochDay() - received.toEpochDay();
      LocalDate first =
          received.plusDays(room <= 0 ? 0 : random.nextInt((int) Math.min(room, 5) + 1));
      days.add(first);
      for (int k = 0, more = random.nextInt(3); k < more; k++) {
        LocalDate next = days.get(days.size() - 1).plusDays(3 + random.nextInt(8));
        if (next.isAfter(outcomeOn)) {
          break;
        }
        days.add(next);
      }
    } else if (plan.counseling() == Counseling.LATE) {
      days.add(outcomeOn.plusDays(1 + random.nextInt(20)));
      if (random.nextBoolean()) {
        days.add(days.get(0).plusDays(7 + random.nextInt(14)));
      }
      days.removeIf(d -> d.isAfter(today));
    }
    Risk risk = Risk.UNSCREENED;
    if (!days.isEmpty()) {
      // Each party screened alone before the first session of the day.
      Instant screened = at(days.get(0), 8, 40);
      for (PartyRole party : PartyRole.values()) {
        ScreeningAnswers answers = answers(plan.screening(), party, random);
        ScreeningRules.Finding finding = ScreeningRules.classify(answers);
        rows.screening(
            caseId,
            party,
            protector.encrypt(JSON.writeValueAsString(answers)),
            finding.risk(),
            screened,
            lead.username());
        risk = risk.atLeast(finding.risk());
      }
      caze.raiseRisk(risk, lead.username());
      for (int k = 0; k < days.size(); k++) {
        String attendees = risk == Risk.LOW && k > 0 ? "BOTH" : k % 2 == 0 ? "B" : "A";
        Instant at = at(days.get(k), 9 + random.nextInt(7), random.nextBoolean() ? 0 : 30);
        rows.session(
            UUID.randomUUID(),
            caseId,
            at,
            attendees,
            lead.userId(),
            "HELD",
            protector.encrypt(
                SessionNotesJson.write(notes(attendees, plan, k, days.size(), random))),
            at.plusSeconds(3600 + 1800),
            lead.username());
      }
      caze.markActive(lead.username());
    } else if (plan.counseling() == Counseling.NO_SHOW) {
      LocalDate planned = received.plusDays(2 + random.nextInt(5));
      rows.session(
          UUID.randomUUID(),
          caseId,
          at(planned, 10, 0),
          "BOTH",
          lead.userId(),
          "CANCELLED",
          null,
          null,
          null);
    }
    if (high) {
      LocalDate made = days.get(0);
      rows.safetyPlan(
          caseId,
          protector.encrypt("当地妇联反家暴热线12338；紧急情况拨打110；可信任的亲属一名（电话记录在纸质档案）"),
          protector.encrypt("县妇女儿童庇护中心，必要时由辅导员陪同前往"),
          protector.encrypt("单独会谈；协助申请人身安全保护令或告诫书；不安排双方共同会谈"),
          lead.username(),
          at(made, 11, 0));
      String kind =
          random.nextBoolean()
              ? "PROTECTION_ORDER"
              : random.nextBoolean() ? "POLICE_WARNING" : "LEGAL_AID";
      rows.referral(
          caseId,
          kind,
          made,
          random.nextInt(10) < 8 ? "GRANTED" : "DONE",
          made.plusDays(3 + random.nextInt(10)),
          lead.username(),
          at(made, 11, 30));
    }

    // Closing: after the outcome and the last session, with the counselor's word and the law's.
    LocalDate last = days.isEmpty() ? received : days.get(days.size() - 1);
    LocalDate closedOn = (last.isAfter(outcomeOn) ? last : outcomeOn).plusDays(random.nextInt(8));
    if (closedOn.isAfter(today)) {
      closedOn = today;
    }
    boolean stayed = stayed(fact.outcome());
    String outcome =
        high
            ? "REFERRED"
            : plan.counseling() == Counseling.NO_SHOW
                ? "LOST_CONTACT"
                : stayed
                    ? (plan.counseling() == Counseling.HELD ? "RECONCILED" : "OTHER")
                    : "AMICABLE_DIVORCE";
    String arrangements =
        "AMICABLE_DIVORCE".equals(outcome)
            ? (random.nextBoolean()
                ? "子女随母亲生活，父亲每月支付抚养费并每两周探望一次；共同财产按协议分割。"
                : "无未成年子女；房产归一方所有，另一方获得折价补偿；双方同意互不追究。")
            : null;
    caze.close(outcome, arrangements, closedOn, today, lead.username(), protector);
    caze.recordLegalOutcome(fact.outcome().name(), outcomeOn);
    rows.caseRow(caze, opened, at(closedOn, 17, 0));
    for (int months : CaseClosing.FOLLOW_UP_MONTHS) {
      LocalDate due = closedOn.plusMonths(months);
      boolean reached = plan.counseling() != Counseling.NO_SHOW && !due.isAfter(today);
      Boolean together = reached ? stayed : null;
      Boolean filedAgain = null;
      if (reached && stayed) {
        filedAgain = months >= 6 && random.nextInt(100) < (months == 6 ? 8 : 13);
      }
      rows.followUp(
          caseId,
          months,
          due,
          due.isAfter(today) ? null : due.plusDays(random.nextInt(10)),
          together,
          filedAgain,
          due.isAfter(today) ? null : lead.username());
    }
  }

  /** Answers that make the planned finding: HIGH for the party at risk, the other party LOW. */
  private static ScreeningAnswers answers(Screening planned, PartyRole party, Random random) {
    boolean atRisk = party == PartyRole.B;
    if (planned == Screening.HIGH && atRisk) {
      return random.nextBoolean()
          ? new ScreeningAnswers(
              true, false, false, false, true, true, true, random.nextBoolean(), false)
          : new ScreeningAnswers(true, true, false, false, false, true, true, false, false);
    }
    if (planned == Screening.ELEVATED && atRisk) {
      return new ScreeningAnswers(
          false, false, false, false, false, true, random.nextBoolean(), false, false);
    }
    return new ScreeningAnswers(false, false, false, false, false, false, false, false, false);
  }

  private static final String[][] STEPS = {
    {"认为婚姻出了问题就只能离婚", "觉得对方从不体谅自己的付出", "委屈、失望", "冷战，回避沟通", "矛盾越积越多", "愿意先把各自的想法说出来"},
    {"认为家务和孩子应由一方承担", "只看到对方的缺点", "烦躁、疲惫", "争吵时翻旧账", "孩子受到影响", "同意重新分工并试行一个月"},
    {"认为老人插手是对方的错", "站在原生家庭一边看问题", "愤怒、无助", "互不来往", "夫妻关系紧张", "约定与双方父母保持适当距离"},
    {"认为经济问题说明对方不可靠", "只看眼前的债务", "焦虑、不安", "隐瞒收支", "信任受损", "同意共同制定家庭预算"},
    {"认为分开是对孩子最好的选择", "从孩子角度重新考虑", "不舍、犹豫", "仍能就孩子问题合作", "愿意冷静考虑", "约定以孩子利益为先协商"}
  };

  /** The steps with a party at risk (a victim's own session): safety first, never reconciling. */
  private static final String[] AT_RISK = {
    "认为忍让可以换来家庭平安", "开始认识到对方的行为是暴力，不是一般争吵", "恐惧、担心孩子",
    "长期忍受并向家人隐瞒", "身心受到伤害", "明确自身安全优先，了解保护令和求助途径"
  };

  /**
   * The other party's own session where a screening found violence: responsibility, not harmony.
   */
  private static final String[] OTHER_SIDE = {
    "认为动手是对方逼出来的", "只看到对方的过错", "愤怒、不服", "推卸责任", "家庭关系破裂", "告知家庭暴力的法律后果，建议参加行为矫治"
  };

  private static SessionNotes notes(String attendees, Couple plan, int k, int of, Random random) {
    boolean high = plan.screening() == Screening.HIGH;
    String[] a = high ? OTHER_SIDE : STEPS[random.nextInt(STEPS.length)];
    String[] b = high ? AT_RISK : STEPS[random.nextInt(STEPS.length)];
    SixSteps stepsA = new SixSteps(a[0], a[1], a[2], a[3], a[4], a[5]);
    SixSteps stepsB = new SixSteps(b[0], b[1], b[2], b[3], b[4], b[5]);
    boolean last = k == of - 1;
    boolean joint = attendees.equals("BOTH");
    String free =
        high
            ? "单独会谈。已告知12338和110，已讨论安全计划，不安排共同会谈。"
            : joint ? "会谈中双方情绪逐渐平稳，能够表达各自需求。" : "单独会谈，当事人情绪逐渐平稳，能够表达自己的需求。";
    String actions =
        high
            ? (attendees.equals("B") ? "按安全计划行动，遇到危险立即拨打110" : "不得接近、骚扰对方；按约定参加后续会谈")
            : last ? "按约定时间回访" : joint ? "双方各自完成一项约定的沟通练习" : "完成一项约定的沟通练习";
    return new SessionNotes(
        attendees.equals("B") ? null : stepsA,
        attendees.equals("A") ? null : stepsB,
        free,
        actions,
        last ? "" : high ? "下次单独会谈时间电话另约" : "下次会谈约在一周后");
  }

  private static boolean stayed(Outcome outcome) {
    return outcome == Outcome.WITHDRAWN
        || outcome == Outcome.DEEMED_WITHDRAWN
        || outcome == Outcome.CANCELLED_OR_POSTPONED;
  }

  private static String key(String county, LocalDate day, boolean stayed) {
    return county + ":" + day + ":" + stayed;
  }

  /** The county of a region path such as /370000/371600/371623/ (or deeper). */
  private static String county(String regionPath) {
    return RegionPaths.countyCode(regionPath);
  }

  private static Instant at(LocalDate day, int hour, int minute) {
    return day.atTime(LocalTime.of(hour, minute)).atZone(LegalTime.ZONE).toInstant();
  }

  /** The rows of a batch, table by table, written with JDBC batches in one transaction. */
  private static final class Rows {
    final List<Object[]> cases = new ArrayList<>();
    final List<Object[]> parties = new ArrayList<>();
    final List<Object[]> consents = new ArrayList<>();
    final List<Object[]> team = new ArrayList<>();
    final List<Object[]> screenings = new ArrayList<>();
    final List<Object[]> sessions = new ArrayList<>();
    final List<Object[]> plans = new ArrayList<>();
    final List<Object[]> referrals = new ArrayList<>();
    final List<Object[]> followUps = new ArrayList<>();

    void caseRow(CounselingCase c, Instant created, Instant updated) {
      cases.add(
          new Object[] {
            c.id(),
            c.centerId(),
            c.regionPath(),
            c.stage().name(),
            c.status().name(),
            c.applicationId(),
            c.openedBy(),
            c.openedOn(),
            Timestamp.from(created),
            c.source().name(),
            "{" + String.join(",", c.issueCategories()) + "}",
            c.risk().name(),
            c.outcome(),
            c.outcomeCipher(),
            c.closedOn(),
            c.closedBy(),
            c.legalOutcome(),
            c.legalOutcomeOn(),
            c.closedBy(),
            Timestamp.from(updated)
          });
      c.parties()
          .forEach(
              (role, p) ->
                  parties.add(
                      new Object[] {
                        c.id(),
                        role.name(),
                        p.name(),
                        p.gender().name(),
                        p.birthDate(),
                        p.idNumberCipher(),
                        p.idNumberHash(),
                        p.idNumberMasked(),
                        p.phoneCipher(),
                        p.phoneHash(),
                        p.phoneMasked()
                      }));
    }

    void consent(UUID caseId, PartyRole party, String purpose, Instant at, String by) {
      consents.add(
          new Object[] {UUID.randomUUID(), caseId, party.name(), purpose, Timestamp.from(at), by});
    }

    void teamMember(UUID caseId, Lead lead, Instant at) {
      team.add(
          new Object[] {
            UUID.randomUUID(),
            caseId,
            lead.volunteerId(),
            lead.userId(),
            lead.name(),
            true,
            lead.username(),
            Timestamp.from(at)
          });
    }

    void screening(UUID caseId, PartyRole party, byte[] cipher, Risk risk, Instant at, String by) {
      screenings.add(
          new Object[] {
            UUID.randomUUID(), caseId, party.name(), cipher, risk.name(), Timestamp.from(at), by
          });
    }

    void session(
        UUID id,
        UUID caseId,
        Instant at,
        String attendees,
        UUID counselor,
        String status,
        byte[] notes,
        Instant notesAt,
        String by) {
      sessions.add(
          new Object[] {
            id,
            caseId,
            Timestamp.from(at),
            attendees,
            "{" + counselor + "}",
            status,
            notes,
            notesAt == null ? null : Timestamp.from(notesAt),
            by,
            by == null ? "history" : by,
            Timestamp.from(at.minusSeconds(86_400))
          });
    }

    void safetyPlan(
        UUID caseId, byte[] contacts, byte[] place, byte[] steps, String by, Instant at) {
      plans.add(new Object[] {caseId, contacts, place, steps, by, Timestamp.from(at)});
    }

    void referral(
        UUID caseId,
        String kind,
        LocalDate made,
        String result,
        LocalDate resultOn,
        String by,
        Instant at) {
      referrals.add(
          new Object[] {
            UUID.randomUUID(), caseId, kind, made, result, resultOn, by, Timestamp.from(at)
          });
    }

    void followUp(
        UUID caseId,
        int months,
        LocalDate due,
        LocalDate done,
        Boolean together,
        Boolean filedAgain,
        String by) {
      followUps.add(
          new Object[] {UUID.randomUUID(), caseId, months, due, done, together, filedAgain, by});
    }

    void insert(JdbcTemplate jdbc) {
      jdbc.batchUpdate(
          """
          insert into casework.counseling_case (id, center_id, region_path, stage, status,
            application_id, opened_by, opened_on, created_at, source, issue_categories, risk,
            outcome, outcome_cipher, closed_on, closed_by, legal_outcome, legal_outcome_on,
            updated_by, updated_at, version)
          values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as text[]), ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)""",
          cases);
      jdbc.batchUpdate(
          """
          insert into casework.case_party (case_id, role, name, gender, birth_date,
            id_number_cipher, id_number_hash, id_number_masked, phone_cipher, phone_hash, phone_masked)
          values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
          parties);
      jdbc.batchUpdate(
          """
          insert into casework.consent (id, case_id, party, purpose, given_at, recorded_by)
          values (?, ?, ?, ?, ?, ?)""",
          consents);
      jdbc.batchUpdate(
          """
          insert into casework.team_member (id, case_id, volunteer_id, user_id, name, lead,
            assigned_by, assigned_at)
          values (?, ?, ?, ?, ?, ?, ?, ?)""",
          team);
      jdbc.batchUpdate(
          """
          insert into casework.screening (id, case_id, party, answers_cipher, risk, screened_at,
            screened_by)
          values (?, ?, ?, ?, ?, ?, ?)""",
          screenings);
      jdbc.batchUpdate(
          """
          insert into casework.session (id, case_id, scheduled_at, channel, attendees, counselors,
            status, notes_cipher, notes_saved_at, notes_saved_by, created_by, created_at, version)
          values (?, ?, ?, 'IN_PERSON', ?, cast(? as uuid[]), ?, ?, ?, ?, ?, ?, 1)""",
          sessions);
      jdbc.batchUpdate(
          """
          insert into casework.safety_plan (case_id, contacts_cipher, safe_place_cipher,
            next_steps_cipher, updated_by, updated_at, version)
          values (?, ?, ?, ?, ?, ?, 0)""",
          plans);
      jdbc.batchUpdate(
          """
          insert into casework.safety_referral (id, case_id, kind, made_on, on_behalf, result,
            result_on, recorded_by, recorded_at)
          values (?, ?, ?, ?, false, ?, ?, ?, ?)""",
          referrals);
      jdbc.batchUpdate(
          """
          insert into casework.follow_up (id, case_id, months, due_on, done_on, together,
            filed_again, recorded_by)
          values (?, ?, ?, ?, ?, ?, ?, ?)""",
          followUps);
    }
  }
}
