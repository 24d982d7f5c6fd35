package org.huhang.casework.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.huhang.audit.AuditTrail;
import org.huhang.casework.CaseDetail;
import org.huhang.casework.CaseId;
import org.huhang.casework.CloseCase;
import org.huhang.shared.Actor;
import org.huhang.shared.person.PersonalDataProtector;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Closing a case with the counselor's outcome, by those who work it (its team, its center's
 * manager). Closing is final: it plans the follow-ups 1, 3, 6 and 12 months after the closing day,
 * in the same transaction. A HIGH-risk case is never closed as reconciled ({@link
 * CounselingCase#close}).
 */
@Service
public class CaseClosing {

  /** The follow-ups after closing, in months. */
  public static final int[] FOLLOW_UP_MONTHS = {1, 3, 6, 12};

  private final CaseAccess access;
  private final CaseworkPolicy policy;
  private final CaseFile cases;
  private final PersonalDataProtector protector;
  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final Clock clock;

  CaseClosing(
      CaseAccess access,
      CaseworkPolicy policy,
      CaseFile cases,
      PersonalDataProtector protector,
      JdbcClient jdbc,
      AuditTrail audit,
      Clock clock) {
    this.access = access;
    this.policy = policy;
    this.cases = cases;
    this.protector = protector;
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
  }

  /** Whether the case would close as asked; nothing is written (the confirmation page asks it). */
  @Transactional(readOnly = true)
  public void check(CaseId id, CloseCase command, Actor actor) {
    CaseRef ref = access.find(id.value(), actor);
    policy.requireWorks(ref);
    CounselingCase caze = cases.load(ref.id());
    apply(caze, command, actor);
  }

  @Transactional
  public CaseDetail close(CaseId id, CloseCase command, Actor actor) {
    CaseRef ref = access.find(id.value(), actor, true);
    policy.requireWorks(ref);
    CounselingCase caze = cases.load(ref.id());
    apply(caze, command, actor);
    cases.save(caze);
    for (int months : FOLLOW_UP_MONTHS) {
      jdbc.sql(
              """
              insert into casework.follow_up (id, case_id, months, due_on)
              values (:id, :case, :months, :due)""")
          .param("id", UUID.randomUUID())
          .param("case", caze.id())
          .param("months", months)
          .param("due", caze.closedOn().plusMonths(months))
          .update();
    }
    audit.recordWrite("case.close", "case", caze.id().toString());
    return cases.detail(caze);
  }

  /** The arrangements of an amicable divorce, for those who work the case; the read is audited. */
  @Transactional
  public String arrangements(CaseId id, Actor actor) {
    CaseRef ref = access.find(id.value(), actor);
    policy.requireSensitive(ref);
    CounselingCase caze = cases.load(ref.id());
    if (caze.outcomeCipher() == null) {
      return null;
    }
    audit.recordSensitiveRead("case-outcome", caze.id().toString());
    return protector.decrypt(caze.outcomeCipher());
  }

  private void apply(CounselingCase caze, CloseCase command, Actor actor) {
    caze.close(
        command.outcome(),
        command.arrangements(),
        command.closedOn(),
        LocalDate.now(clock),
        actor.username(),
        protector);
  }
}
