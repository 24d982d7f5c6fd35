package org.huhang.casework.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.huhang.audit.AuditTrail;
import org.huhang.casework.CaseId;
import org.huhang.casework.SafetyPlanView;
import org.huhang.casework.SaveSafetyPlan;
import org.huhang.shared.Actor;
import org.huhang.shared.ConflictException;
import org.huhang.shared.DomainException;
import org.huhang.shared.DomainException.FieldProblem;
import org.huhang.shared.person.PersonalDataProtector;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A case's safety plan (required when the case is HIGH): whom to call, a safe place, the next
 * steps, each sealed. Versioned: two editors of one plan cannot overwrite each other.
 */
@Service
public class SafetyPlans {

  private final CaseAccess access;
  private final CaseworkPolicy policy;
  private final PersonalDataProtector protector;
  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final Clock clock;
  private final PeopleNames names;

  SafetyPlans(
      PeopleNames names,
      CaseAccess access,
      CaseworkPolicy policy,
      PersonalDataProtector protector,
      JdbcClient jdbc,
      AuditTrail audit,
      Clock clock) {
    this.names = names;
    this.access = access;
    this.policy = policy;
    this.protector = protector;
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * The plan, if any: with its texts (an audited read) for those who work the case, otherwise only
   * who updated it when.
   */
  // Not read-only: a read of sealed text writes its audit row.
  @Transactional
  public Optional<SafetyPlanView> of(CaseId id, Actor actor) {
    CaseRef ref = access.find(id.value(), actor);
    boolean sensitive = policy.mayReadSensitive(ref);
    Optional<SafetyPlanView> plan =
        jdbc.sql(
                """
                select contacts_cipher, safe_place_cipher, next_steps_cipher, updated_by,
                       updated_at, version
                  from casework.safety_plan where case_id = :case""")
            .param("case", ref.id())
            .query(
                (rs, n) ->
                    new SafetyPlanView(
                        sensitive ? protector.decrypt(rs.getBytes("contacts_cipher")) : null,
                        sensitive ? protector.decrypt(rs.getBytes("safe_place_cipher")) : null,
                        sensitive ? protector.decrypt(rs.getBytes("next_steps_cipher")) : null,
                        names.display(rs.getString("updated_by")),
                        rs.getTimestamp("updated_at").toInstant(),
                        rs.getInt("version")))
            .optional();
    if (sensitive && plan.isPresent()) {
      audit.recordSensitiveRead("safetyPlan", ref.id().toString());
    }
    return plan;
  }

  /** Whether the case has a plan, without reading it. */
  @Transactional(readOnly = true)
  public boolean exists(CaseId id) {
    return jdbc.sql("select count(*) from casework.safety_plan where case_id = :case")
            .param("case", id.value())
            .query(Long.class)
            .single()
        > 0;
  }

  /**
   * Writes the plan. The version must be the one the editor saw (null for a first plan); a plan
   * saved since by someone else is a conflict (409) and nothing is written.
   */
  @Transactional
  public SafetyPlanView save(CaseId id, SaveSafetyPlan command, Actor actor) {
    CaseRef ref = access.find(id.value(), actor, true);
    policy.requireWorks(ref);
    if (ref.closed()) {
      throw DomainException.of(null, "case.closed");
    }
    List<FieldProblem> problems = new ArrayList<>();
    SafetyTexts.check(
        "contacts", command.contacts(), true, "safetyPlan.contacts.required", problems);
    SafetyTexts.check(
        "safePlace", command.safePlace(), true, "safetyPlan.safePlace.required", problems);
    SafetyTexts.check(
        "nextSteps", command.nextSteps(), true, "safetyPlan.nextSteps.required", problems);
    if (!problems.isEmpty()) {
      throw new DomainException(problems);
    }
    java.sql.Timestamp now = java.sql.Timestamp.from(clock.instant());
    int version;
    if (command.version() == null) {
      try {
        jdbc.sql(
                """
                insert into casework.safety_plan (case_id, contacts_cipher, safe_place_cipher,
                       next_steps_cipher, updated_by, updated_at, version)
                values (:case, :contacts, :place, :steps, :by, :at, 0)""")
            .param("case", ref.id())
            .param("contacts", protector.encrypt(command.contacts()))
            .param("place", protector.encrypt(command.safePlace()))
            .param("steps", protector.encrypt(command.nextSteps()))
            .param("by", actor.username())
            .param("at", now)
            .update();
      } catch (DuplicateKeyException e) {
        throw ConflictException.of(null, "safetyPlan.conflict");
      }
      version = 0;
    } else {
      int updated =
          jdbc.sql(
                  """
                  update casework.safety_plan
                     set contacts_cipher = :contacts, safe_place_cipher = :place,
                         next_steps_cipher = :steps, updated_by = :by, updated_at = :at,
                         version = version + 1
                   where case_id = :case and version = :version""")
              .param("case", ref.id())
              .param("contacts", protector.encrypt(command.contacts()))
              .param("place", protector.encrypt(command.safePlace()))
              .param("steps", protector.encrypt(command.nextSteps()))
              .param("by", actor.username())
              .param("at", now)
              .param("version", command.version())
              .update();
      if (updated == 0) {
        throw ConflictException.of(null, "safetyPlan.conflict");
      }
      version = command.version() + 1;
    }
    audit.recordWrite("safetyPlan.save", "safetyPlan", ref.id().toString());
    return new SafetyPlanView(
        command.contacts(),
        command.safePlace(),
        command.nextSteps(),
        actor.username(),
        now.toInstant(),
        version);
  }
}
