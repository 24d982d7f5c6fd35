package org.huhang.casework.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.huhang.audit.AuditTrail;
import org.huhang.casework.CaseId;
import org.huhang.casework.ConsentPurpose;
import org.huhang.casework.FollowUpView;
import org.huhang.casework.PartyRole;
import org.huhang.casework.RecordFollowUp;
import org.huhang.shared.Actor;
import org.huhang.shared.ConflictException;
import org.huhang.shared.DomainException;
import org.huhang.shared.DomainException.FieldProblem;
import org.huhang.shared.NotFoundException;
import org.huhang.shared.PlausibleDates;
import org.huhang.shared.person.PersonalDataProtector;
import org.huhang.shared.text.ControlCharacters;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The follow-ups of closed cases: the due list (overdue first, then by due day) of the cases the
 * actor sees, and recording one. A couple is called only when a party agreed to follow-up contact
 * (its FOLLOW_UP consent in force); otherwise the row says so and recording is refused.
 */
@Service
public class FollowUps {

  /** Wellbeing notes, like every notes field. */
  static final int NOTES_MAX = 4000;

  private static final String COLUMNS =
      """
      f.case_id, f.months, f.due_on, f.done_on, f.together, f.filed_again, f.recorded_by,
      f.wellbeing_cipher is not null as has_notes,
      (select string_agg(p.name, ' · ' order by p.role)
         from casework.case_party p where p.case_id = f.case_id) as couple,
      exists (select 1 from casework.consent k where k.case_id = f.case_id
               and k.purpose = 'FOLLOW_UP' and k.withdrawn_at is null) as consented""";

  private final CaseAccess access;
  private final CaseworkPolicy policy;
  private final ConsentGate consents;
  private final PersonalDataProtector protector;
  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final Clock clock;
  private final PeopleNames names;

  FollowUps(
      PeopleNames names,
      CaseAccess access,
      CaseworkPolicy policy,
      ConsentGate consents,
      PersonalDataProtector protector,
      JdbcClient jdbc,
      AuditTrail audit,
      Clock clock) {
    this.names = names;
    this.access = access;
    this.policy = policy;
    this.consents = consents;
    this.protector = protector;
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * The follow-ups not yet done of the cases the actor sees (a counselor its own, a manager its
   * centers', an administrator its region's), due by {@code until}, earliest first.
   */
  @Transactional(readOnly = true)
  public List<FollowUpView> pending(Actor actor, LocalDate until, int limit) {
    policy.requireCaseRole(actor);
    String where = CaseAccess.visibleCondition(actor);
    var spec =
        jdbc.sql(
                "select "
                    + COLUMNS
                    + """
                      from casework.follow_up f
                      join casework.counseling_case c on c.id = f.case_id
                     where f.done_on is null and f.due_on <= :until"""
                    + " and "
                    + where
                    + " order by f.due_on, f.case_id, f.months limit :limit")
            .param("until", until)
            .param("limit", limit)
            .param("scope", actor.scope().likePattern());
    if (where.contains(":user")) {
      spec = spec.param("user", actor.userId());
    }
    if (where.contains(":managed")) {
      spec = spec.param("managed", access.managedCenters(actor));
    }
    return spec.query((rs, n) -> view(rs)).list();
  }

  /** The follow-ups of one case, in order. */
  @Transactional(readOnly = true)
  public List<FollowUpView> ofCase(CaseId id, Actor actor) {
    CaseRef ref = access.find(id.value(), actor);
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from casework.follow_up f where f.case_id = :id"
                + " order by f.months")
        .param("id", ref.id())
        .query((rs, n) -> view(rs))
        .list();
  }

  /**
   * Records a follow-up of a closed case, once, by those who work the case: refused (422) when no
   * party agreed to follow-up contact; a follow-up already recorded is a conflict (409).
   */
  @Transactional
  public FollowUpView record(CaseId id, int months, RecordFollowUp command, Actor actor) {
    CaseRef ref = access.find(id.value(), actor, true);
    policy.requireWorks(ref);
    Row row =
        jdbc.sql(
                """
                select f.due_on, f.done_on, c.closed_on from casework.follow_up f
                  join casework.counseling_case c on c.id = f.case_id
                 where f.case_id = :id and f.months = :months for update of f""")
            .param("id", ref.id())
            .param("months", months)
            .query(
                (rs, n) ->
                    new Row(
                        rs.getObject("done_on", LocalDate.class),
                        rs.getObject("closed_on", LocalDate.class)))
            .optional()
            .orElseThrow(() -> new NotFoundException("follow-up"));
    if (row.doneOn() != null) {
      throw ConflictException.of(null, "followUp.alreadyRecorded");
    }
    if (!consented(ref.id())) {
      throw DomainException.of(null, "followUp.noConsent");
    }
    LocalDate today = LocalDate.now(clock);
    List<FieldProblem> problems = new ArrayList<>();
    if (command.together() == null) {
      problems.add(new FieldProblem("together", "followUp.together.required", new Object[0]));
    }
    if (command.filedAgain() == null) {
      problems.add(new FieldProblem("filedAgain", "followUp.filedAgain.required", new Object[0]));
    }
    String notes = command.wellbeing() == null ? "" : command.wellbeing().strip();
    if (notes.length() > NOTES_MAX) {
      problems.add(new FieldProblem("wellbeing", "case.text.size", new Object[] {NOTES_MAX}));
    } else if (ControlCharacters.present(notes)) {
      problems.add(new FieldProblem("wellbeing", "error.controlCharacter", new Object[0]));
    }
    if (command.doneOn() == null) {
      problems.add(new FieldProblem("doneOn", "followUp.doneOn.required", new Object[0]));
    } else {
      PlausibleDates.past("doneOn", command.doneOn(), today).ifPresent(problems::add);
      if (command.doneOn().isBefore(row.closedOn())) {
        problems.add(new FieldProblem("doneOn", "followUp.doneOn.beforeClosed", new Object[0]));
      }
    }
    if (!problems.isEmpty()) {
      throw new DomainException(problems);
    }
    jdbc.sql(
            """
            update casework.follow_up
               set done_on = :done, together = :together, filed_again = :filed,
                   wellbeing_cipher = :notes, recorded_by = :by
             where case_id = :id and months = :months""")
        .param("done", command.doneOn())
        .param("together", command.together().asBoolean())
        .param("filed", command.filedAgain().asBoolean())
        .param("notes", notes.isEmpty() ? null : protector.encrypt(notes))
        .param("by", actor.username())
        .param("id", ref.id())
        .param("months", months)
        .update();
    audit.recordWrite("case.followUp", "case", ref.id().toString());
    return ofCase(id, actor).stream().filter(f -> f.months() == months).findFirst().orElseThrow();
  }

  /** A follow-up's wellbeing notes, for those who work the case; the read is audited. */
  @Transactional
  public Optional<String> wellbeing(CaseId id, int months, Actor actor) {
    CaseRef ref = access.find(id.value(), actor);
    policy.requireSensitive(ref);
    Optional<byte[]> sealed =
        jdbc.sql(
                "select wellbeing_cipher from casework.follow_up where case_id = :id and months = :m")
            .param("id", ref.id())
            .param("m", months)
            .query((rs, n) -> Optional.ofNullable(rs.getBytes(1)))
            .optional()
            .flatMap(o -> o);
    sealed.ifPresent(s -> audit.recordSensitiveRead("case-follow-up", ref.id() + "/" + months));
    return sealed.map(protector::decrypt);
  }

  /** Whether either party agreed to be contacted after closing. */
  boolean consented(UUID caseId) {
    return java.util.Arrays.stream(PartyRole.values())
        .anyMatch(p -> consents.inForce(caseId, p, ConsentPurpose.FOLLOW_UP));
  }

  private record Row(LocalDate doneOn, LocalDate closedOn) {}

  private FollowUpView view(ResultSet rs) throws SQLException {
    return new FollowUpView(
        rs.getObject("case_id", UUID.class),
        rs.getString("couple"),
        rs.getInt("months"),
        rs.getObject("due_on", LocalDate.class),
        rs.getObject("done_on", LocalDate.class),
        RecordFollowUp.Answer.of((Boolean) rs.getObject("together")),
        RecordFollowUp.Answer.of((Boolean) rs.getObject("filed_again")),
        names.display(rs.getString("recorded_by")),
        rs.getBoolean("consented"),
        rs.getBoolean("has_notes"));
  }
}
