package org.huhang.casework.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.huhang.audit.AuditTrail;
import org.huhang.casework.CaseId;
import org.huhang.casework.RecordReferralResult;
import org.huhang.casework.RecordSafetyReferral;
import org.huhang.casework.SafetyReferralKind;
import org.huhang.casework.SafetyReferralResult;
import org.huhang.casework.SafetyReferralView;
import org.huhang.shared.Actor;
import org.huhang.shared.DomainException;
import org.huhang.shared.DomainException.FieldProblem;
import org.huhang.shared.LegalTime;
import org.huhang.shared.NotFoundException;
import org.huhang.shared.PlausibleDates;
import org.huhang.shared.person.PersonalDataProtector;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Safety referrals of a case (police written warning, protection order — which the federation may
 * apply for on the victim's behalf —, legal aid, shelter, hospital), each with the day it was made
 * and its result when known. The note is sealed and read only by those who work the case.
 */
@Service
public class SafetyReferrals {

  private final CaseAccess access;
  private final CaseworkPolicy policy;
  private final PersonalDataProtector protector;
  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final Clock clock;
  private final PeopleNames names;

  SafetyReferrals(
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

  /** The case's referrals, newest first; notes (an audited read) only for those who work it. */
  // Not read-only: a read of sealed text writes its audit row.
  @Transactional
  public List<SafetyReferralView> of(CaseId id, Actor actor) {
    CaseRef ref = access.find(id.value(), actor);
    boolean sensitive = policy.mayReadSensitive(ref);
    List<SafetyReferralView> out =
        jdbc.sql(
                """
                select id, kind, made_on, on_behalf, result, result_on, note_cipher, recorded_by,
                       recorded_at
                  from casework.safety_referral where case_id = :case
                 order by made_on desc, recorded_at desc""")
            .param("case", ref.id())
            .query(
                (rs, n) -> {
                  byte[] note = rs.getBytes("note_cipher");
                  return new SafetyReferralView(
                      rs.getObject("id", UUID.class),
                      SafetyReferralKind.valueOf(rs.getString("kind")),
                      rs.getObject("made_on", LocalDate.class),
                      rs.getBoolean("on_behalf"),
                      SafetyReferralResult.valueOf(rs.getString("result")),
                      rs.getObject("result_on", LocalDate.class),
                      sensitive && note != null ? protector.decrypt(note) : null,
                      names.display(rs.getString("recorded_by")),
                      rs.getTimestamp("recorded_at").toInstant());
                })
            .list();
    if (sensitive) {
      out.stream()
          .filter(r -> r.note() != null)
          .forEach(r -> audit.recordSensitiveRead("safetyReferral", r.id().toString()));
    }
    return out;
  }

  @Transactional
  public SafetyReferralView record(CaseId id, RecordSafetyReferral command, Actor actor) {
    CaseRef ref = writable(id, actor);
    LocalDate today = LocalDate.now(clock.withZone(LegalTime.ZONE));
    List<FieldProblem> problems = new ArrayList<>();
    if (command.kind() == null) {
      problems.add(new FieldProblem("kind", "safetyReferral.kind.required", new Object[0]));
    }
    if (command.madeOn() == null) {
      problems.add(new FieldProblem("madeOn", "safetyReferral.madeOn.required", new Object[0]));
    } else {
      PlausibleDates.past("madeOn", command.madeOn(), today).ifPresent(problems::add);
    }
    boolean onBehalf = Boolean.TRUE.equals(command.onBehalf());
    if (onBehalf
        && command.kind() != null
        && command.kind() != SafetyReferralKind.PROTECTION_ORDER) {
      problems.add(
          new FieldProblem("onBehalf", "safetyReferral.onBehalf.onlyOrder", new Object[0]));
    }
    resultProblems(command.result(), command.resultOn(), command.madeOn(), today, problems);
    SafetyTexts.check("note", command.note(), false, null, problems);
    if (!problems.isEmpty()) {
      throw new DomainException(problems);
    }
    UUID referralId = UUID.randomUUID();
    java.sql.Timestamp now = java.sql.Timestamp.from(clock.instant());
    jdbc.sql(
            """
            insert into casework.safety_referral (id, case_id, kind, made_on, on_behalf, result,
                   result_on, note_cipher, recorded_by, recorded_at)
            values (:id, :case, :kind, :madeOn, :onBehalf, :result, :resultOn, :note, :by, :at)""")
        .param("id", referralId)
        .param("case", ref.id())
        .param("kind", command.kind().name())
        .param("madeOn", command.madeOn())
        .param("onBehalf", onBehalf)
        .param("result", command.result().name())
        .param("resultOn", command.resultOn(), java.sql.Types.DATE)
        .param(
            "note",
            command.note().isEmpty() ? null : protector.encrypt(command.note()),
            java.sql.Types.BINARY)
        .param("by", actor.username())
        .param("at", now)
        .update();
    audit.recordWrite("safetyReferral.record", "safetyReferral", referralId.toString());
    return new SafetyReferralView(
        referralId,
        command.kind(),
        command.madeOn(),
        onBehalf,
        command.result(),
        command.resultOn(),
        command.note().isEmpty() ? null : command.note(),
        actor.username(),
        now.toInstant());
  }

  /** Records what came of a referral; a note given replaces the earlier one, none keeps it. */
  @Transactional
  public void recordResult(CaseId id, UUID referralId, RecordReferralResult command, Actor actor) {
    CaseRef ref = writable(id, actor);
    LocalDate today = LocalDate.now(clock.withZone(LegalTime.ZONE));
    LocalDate madeOn =
        jdbc.sql("select made_on from casework.safety_referral where id = :id and case_id = :case")
            .param("id", referralId)
            .param("case", ref.id())
            .query(LocalDate.class)
            .optional()
            .orElseThrow(() -> new NotFoundException("safety referral"));
    List<FieldProblem> problems = new ArrayList<>();
    if (command.result() == null) {
      problems.add(new FieldProblem("result", "safetyReferral.result.required", new Object[0]));
    }
    resultProblems(command.result(), command.resultOn(), madeOn, today, problems);
    SafetyTexts.check("note", command.note(), false, null, problems);
    if (!problems.isEmpty()) {
      throw new DomainException(problems);
    }
    jdbc.sql(
            """
            update casework.safety_referral
               set result = :result, result_on = :resultOn,
                   note_cipher = coalesce(:note, note_cipher)
             where id = :id and case_id = :case""")
        .param("result", command.result().name())
        .param("resultOn", command.resultOn(), java.sql.Types.DATE)
        .param(
            "note",
            command.note().isEmpty() ? null : protector.encrypt(command.note()),
            java.sql.Types.BINARY)
        .param("id", referralId)
        .param("case", ref.id())
        .update();
    audit.recordWrite("safetyReferral.result", "safetyReferral", referralId.toString());
  }

  private static void resultProblems(
      SafetyReferralResult result,
      LocalDate resultOn,
      LocalDate madeOn,
      LocalDate today,
      List<FieldProblem> problems) {
    if (result == null) {
      return;
    }
    if (result == SafetyReferralResult.PENDING) {
      if (resultOn != null) {
        problems.add(
            new FieldProblem("resultOn", "safetyReferral.resultOn.whilePending", new Object[0]));
      }
      return;
    }
    if (resultOn == null) {
      problems.add(new FieldProblem("resultOn", "safetyReferral.resultOn.required", new Object[0]));
      return;
    }
    PlausibleDates.past("resultOn", resultOn, today).ifPresent(problems::add);
    if (madeOn != null && resultOn.isBefore(madeOn)) {
      problems.add(
          new FieldProblem("resultOn", "safetyReferral.resultOn.beforeMade", new Object[0]));
    }
  }

  private CaseRef writable(CaseId id, Actor actor) {
    CaseRef ref = access.find(id.value(), actor, true);
    policy.requireWorks(ref);
    if (ref.closed()) {
      throw DomainException.of(null, "case.closed");
    }
    return ref;
  }
}
