package org.huhang.casework.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.huhang.audit.AuditTrail;
import org.huhang.casework.CaseId;
import org.huhang.casework.JointApprovalView;
import org.huhang.shared.Actor;
import org.huhang.shared.DomainException;
import org.huhang.shared.DomainException.FieldProblem;
import org.huhang.shared.person.PersonalDataProtector;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A center manager's (or administrator's) recorded approval of joint sessions for an ELEVATED case,
 * with the reason (sealed). A HIGH case can never be approved: {@link
 * CounselingCase#approveJointSessions} refuses it.
 */
@Service
public class JointApprovals {

  private final CaseAccess access;
  private final CaseworkPolicy policy;
  private final CaseFile cases;
  private final PersonalDataProtector protector;
  private final AuditTrail audit;
  private final java.time.Clock clock;

  JointApprovals(
      CaseAccess access,
      CaseworkPolicy policy,
      CaseFile cases,
      PersonalDataProtector protector,
      AuditTrail audit,
      java.time.Clock clock) {
    this.access = access;
    this.policy = policy;
    this.cases = cases;
    this.protector = protector;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional
  public void approve(CaseId id, String reason, Actor actor) {
    CaseRef ref = access.find(id.value(), actor, true);
    policy.requireManages(ref);
    String text = reason == null ? "" : reason.strip();
    List<FieldProblem> problems = new ArrayList<>();
    SafetyTexts.check("reason", text, true, "approval.reason.required", problems);
    if (!problems.isEmpty()) {
      throw new DomainException(problems);
    }
    CounselingCase caze = cases.load(ref.id());
    caze.approveJointSessions(actor.username(), clock.instant(), protector.encrypt(text));
    cases.save(caze);
    audit.recordWrite("case.approveJoint", "case", ref.id().toString());
  }

  /** The approval, if any; its reason for those who work the case (audited), else only who/when. */
  // Not read-only: a read of sealed text writes its audit row.
  @Transactional
  public Optional<JointApprovalView> of(CaseId id, Actor actor) {
    CaseRef ref = access.find(id.value(), actor);
    CounselingCase caze = cases.load(ref.id());
    if (!caze.jointApproved()) {
      return Optional.empty();
    }
    String reason = null;
    if (policy.mayReadSensitive(ref) && caze.jointApprovalCipher() != null) {
      reason = protector.decrypt(caze.jointApprovalCipher());
      audit.recordSensitiveRead("jointApproval", ref.id().toString());
    }
    return Optional.of(
        new JointApprovalView(caze.jointApprovedBy(), caze.jointApprovedAt(), reason));
  }
}
