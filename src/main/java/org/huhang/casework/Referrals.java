package org.huhang.casework;

import java.util.List;
import java.util.UUID;
import org.huhang.casework.internal.ReferralDesk;
import org.huhang.center.CenterId;
import org.huhang.center.CenterView;
import org.huhang.shared.Actor;
import org.springframework.stereotype.Service;

/**
 * The referral queue (待建案): couples who accepted counseling at the registration office, waiting for
 * a center to open their case. Center managers accept a referral into a case at their center or
 * pass it to another center of the county with a reason; administrators may do both for every
 * center of their region.
 */
@Service
public class Referrals {

  private final ReferralDesk desk;

  Referrals(ReferralDesk desk) {
    this.desk = desk;
  }

  /** The waiting referrals the actor works, the nearest withdrawal deadline first. */
  public List<ReferralView> queue(Actor actor) {
    return desk.queue(actor);
  }

  /** One referral the actor works: 404 outside its region or centers, 403 for other roles. */
  public ReferralView get(UUID referralId, Actor actor) {
    return desk.get(referralId, actor);
  }

  /** The centers the actor may open this referral's case at. */
  public List<CenterView> acceptInto(UUID referralId, Actor actor) {
    return desk.acceptInto(referralId, actor);
  }

  /** The other open centers of the county the referral may be passed to. */
  public List<CenterView> passTo(UUID referralId, Actor actor) {
    return desk.passTo(referralId, actor);
  }

  /** Opens the case at the center; returns the case's id. */
  public UUID accept(UUID referralId, CenterId centerId, Actor actor) {
    return desk.accept(referralId, centerId, actor);
  }

  /** What passing the referral on would refuse, every field at once; nothing is changed. */
  public List<org.huhang.shared.DomainException.FieldProblem> passProblems(
      UUID referralId, CenterId to, String reason, Actor actor) {
    return desk.passProblems(referralId, to, reason, actor);
  }

  /** Passes the referral to another center, with the reason the receiving manager reads. */
  public void pass(UUID referralId, CenterId to, String reason, Actor actor) {
    desk.pass(referralId, to, reason, actor);
  }
}
