package org.huhang.casework.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.huhang.audit.AuditTrail;
import org.huhang.casework.CaseId;
import org.huhang.casework.PartyRole;
import org.huhang.casework.Risk;
import org.huhang.casework.ScreenParty;
import org.huhang.casework.ScreeningAnswers;
import org.huhang.casework.ScreeningResult;
import org.huhang.casework.ScreeningView;
import org.huhang.shared.Actor;
import org.huhang.shared.DomainException;
import org.huhang.shared.NotFoundException;
import org.huhang.shared.person.PersonalDataProtector;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each party's safety screening, asked with the other party absent. The answers are stored only
 * sealed (JSON, AES-GCM) and read back only by those who work the case, each read audited; the risk
 * {@link ScreeningRules} finds is open to whoever sees the case, and raises the case's risk (never
 * lowers it).
 */
@Service
public class SafetyScreenings {

  private final CaseAccess access;
  private final CaseworkPolicy policy;
  private final CaseFile cases;
  private final CaseConsents consents;
  private final ConsentGate consentGate;
  private final SafetyGate safety;
  private final PersonalDataProtector protector;
  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final Clock clock;
  private final JsonMapper json = JsonMapper.builder().build();
  private final PeopleNames names;

  SafetyScreenings(
      PeopleNames names,
      CaseAccess access,
      CaseworkPolicy policy,
      CaseFile cases,
      CaseConsents consents,
      ConsentGate consentGate,
      SafetyGate safety,
      PersonalDataProtector protector,
      JdbcClient jdbc,
      AuditTrail audit,
      Clock clock) {
    this.names = names;
    this.access = access;
    this.policy = policy;
    this.cases = cases;
    this.consents = consents;
    this.consentGate = consentGate;
    this.safety = safety;
    this.protector = protector;
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Records a screening of one party: refused without the party's consent to sensitive processing
   * (nothing written), or without the confirmation that the other party was absent.
   */
  @Transactional
  public ScreeningResult screen(CaseId id, ScreenParty command, Actor actor) {
    CaseRef ref = access.find(id.value(), actor, true);
    policy.requireWorks(ref);
    if (ref.closed()) {
      throw DomainException.of(null, "case.closed");
    }
    consents
        .partyProblem(ref.id(), command.party())
        .ifPresent(
            p -> {
              throw new DomainException(List.of(p));
            });
    if (command.answers() == null) {
      throw DomainException.of("answers", "screening.answers.required");
    }
    if (!Boolean.TRUE.equals(command.otherAbsent())) {
      throw DomainException.of("otherAbsent", "screening.otherAbsent.required");
    }
    consentGate.requireSensitive(ref.id(), command.party(), "party");
    ScreeningRules.Finding finding = ScreeningRules.classify(command.answers());
    UUID screeningId = UUID.randomUUID();
    jdbc.sql(
            """
            insert into casework.screening
                   (id, case_id, party, answers_cipher, risk, screened_at, screened_by)
            values (:id, :case, :party, :cipher, :risk, :at, :by)""")
        .param("id", screeningId)
        .param("case", ref.id())
        .param("party", command.party().name())
        .param("cipher", protector.encrypt(json.writeValueAsString(command.answers())))
        .param("risk", finding.risk().name())
        .param("at", java.sql.Timestamp.from(clock.instant()))
        .param("by", actor.username())
        .update();
    CounselingCase caze = cases.load(ref.id());
    caze.raiseRisk(finding.risk(), actor.username());
    cases.save(caze);
    audit.recordWrite("screening.record", "screening", screeningId.toString());
    int cancelled = cancelUnsafeJointSessions(ref.id());
    return new ScreeningResult(
        screeningId, command.party(), finding.risk(), finding.reasons(), caze.risk(), cancelled);
  }

  /**
   * Joint sessions booked while the rules allowed them are cancelled the moment a screening makes
   * them unsafe (HIGH, or ELEVATED without a manager's approval): a booking must never carry a
   * couple back into the same room. Each cancellation is audited.
   */
  private int cancelUnsafeJointSessions(UUID caseId) {
    if (safety.jointRefusal(caseId) == null) {
      return 0;
    }
    List<UUID> cancelled =
        jdbc.sql(
                """
                update casework.session set status = 'CANCELLED', version = version + 1
                 where case_id = :case and attendees = 'BOTH' and status = 'SCHEDULED'
                returning id""")
            .param("case", caseId)
            .query(UUID.class)
            .list();
    for (UUID session : cancelled) {
      audit.recordWrite("session.cancel.unsafe", "session", session.toString());
    }
    return cancelled.size();
  }

  /**
   * A screening sent as question codes with yes/no (the API): a question left out reads as no; a
   * code that is no question is refused rather than silently read as no.
   */
  @Transactional
  public ScreeningResult screen(
      CaseId id, PartyRole party, java.util.Map<String, Boolean> answers, Actor actor) {
    policy.requireWorks(access.find(id.value(), actor));
    if (answers == null) {
      throw DomainException.of("answers", "screening.answers.required");
    }
    for (String q : answers.keySet()) {
      if (!ScreeningAnswers.QUESTIONS.contains(q)) {
        throw DomainException.of("answers." + q, "screening.answers.unknown", q);
      }
    }
    java.util.function.Predicate<String> yes = q -> Boolean.TRUE.equals(answers.get(q));
    ScreeningAnswers parsed =
        new ScreeningAnswers(
            yes.test("physicalViolence"),
            yes.test("threatToKill"),
            yes.test("strangulation"),
            yes.test("weapon"),
            yes.test("escalation"),
            yes.test("controlling"),
            yes.test("fear"),
            yes.test("childrenExposed"),
            yes.test("protectiveOrder"));
    return screen(id, new ScreenParty(party, parsed, true), actor);
  }

  /** The case's screenings, newest first: whose, when, by whom and the risk; no answers. */
  @Transactional(readOnly = true)
  public List<ScreeningView> of(CaseId id, Actor actor) {
    CaseRef ref = access.find(id.value(), actor);
    return jdbc.sql(
            """
            select id, party, risk, screened_at, screened_by from casework.screening
             where case_id = :case order by screened_at desc, id""")
        .param("case", ref.id())
        .query(
            (rs, n) ->
                new ScreeningView(
                    rs.getObject("id", UUID.class),
                    PartyRole.valueOf(rs.getString("party")),
                    Risk.valueOf(rs.getString("risk")),
                    rs.getTimestamp("screened_at").toInstant(),
                    names.display(rs.getString("screened_by")),
                    null,
                    List.of()))
        .list();
  }

  /** One screening with its answers: for those who work the case only, and audited. */
  // Not read-only: a read of sealed text writes its audit row.
  @Transactional
  public ScreeningView answers(CaseId id, UUID screeningId, Actor actor) {
    CaseRef ref = access.find(id.value(), actor);
    policy.requireSensitive(ref);
    ScreeningView view =
        jdbc.sql(
                """
                select party, risk, screened_at, screened_by, answers_cipher
                  from casework.screening where id = :id and case_id = :case""")
            .param("id", screeningId)
            .param("case", ref.id())
            .query(
                (rs, n) -> {
                  if (rs.getBytes("answers_cipher") == null) {
                    // Anonymised when the case's retention ended: the answers are gone.
                    throw new NotFoundException("screening");
                  }
                  ScreeningAnswers answers =
                      json.readValue(
                          protector.decrypt(rs.getBytes("answers_cipher")), ScreeningAnswers.class);
                  return new ScreeningView(
                      screeningId,
                      PartyRole.valueOf(rs.getString("party")),
                      Risk.valueOf(rs.getString("risk")),
                      rs.getTimestamp("screened_at").toInstant(),
                      names.display(rs.getString("screened_by")),
                      answers,
                      ScreeningRules.classify(answers).reasons());
                })
            .optional()
            .orElseThrow(() -> new NotFoundException("screening"));
    audit.recordSensitiveRead("screening", screeningId.toString());
    return view;
  }

  /** When the party was last screened, if ever: for the tab's status line. */
  static Instant latest(List<ScreeningView> screenings, PartyRole party) {
    return screenings.stream()
        .filter(s -> s.party() == party)
        .map(ScreeningView::screenedAt)
        .findFirst()
        .orElse(null);
  }
}
