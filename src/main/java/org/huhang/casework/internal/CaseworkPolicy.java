package org.huhang.casework.internal;

import org.huhang.shared.Actor;
import org.huhang.shared.ForbiddenException;
import org.huhang.shared.Role;
import org.springframework.stereotype.Component;

/**
 * Who may do what in casework, in one place (SPEC §2).
 *
 * <ul>
 *   <li>Referral queue: center managers (for the centers they run) and administrators (every center
 *       of their region).
 *   <li>Cases: a counselor sees only the cases it is on; a center manager the cases of its centers,
 *       on which it may do everything a counselor may; an administrator every case of its region,
 *       without the sensitive text (notes, screening answers, safety plans), which only those who
 *       work the case read. Registrars and analysts see no case at all.
 *   <li>A case outside what the actor sees answers 404; a role that may not act 403.
 * </ul>
 */
@Component
public class CaseworkPolicy {

  /** Center managers and administrators take referrals into cases or pass them on. */
  public boolean mayWorkReferrals(Actor actor) {
    return actor.is(Role.CENTER_MANAGER) || actor.role().isAdministrator();
  }

  public void requireReferralDesk(Actor actor) {
    if (!mayWorkReferrals(actor)) {
      throw new ForbiddenException("center managers and administrators work the referral queue");
    }
  }

  /** A center manager sees the county's unassigned referrals and those passed to its centers. */
  boolean seesOnlyOwnCenters(Actor actor) {
    return actor.is(Role.CENTER_MANAGER);
  }

  /** Roles that see cases at all: counselors, center managers, administrators. */
  public boolean maySeeCases(Actor actor) {
    return actor.is(Role.COUNSELOR)
        || actor.is(Role.CENTER_MANAGER)
        || actor.role().isAdministrator();
  }

  public void requireCaseRole(Actor actor) {
    if (!maySeeCases(actor)) {
      throw new ForbiddenException("registrars and analysts see no counseling case");
    }
  }

  /** Opening a case by hand, assigning its team, approving joint sessions: managers, admins. */
  public boolean mayManage(Actor actor) {
    return actor.is(Role.CENTER_MANAGER) || actor.role().isAdministrator();
  }

  public void requireManager(Actor actor) {
    if (!mayManage(actor)) {
      throw new ForbiddenException("center managers and administrators manage cases");
    }
  }

  /** Works the case (consent, screening, sessions, notes): its team and its center's manager. */
  public void requireWorks(CaseRef ref) {
    if (!ref.works()) {
      throw new ForbiddenException("only the case's team and its center's manager work the case");
    }
  }

  /** Manages the case (team, approval, closing): its center's manager or an administrator. */
  public void requireManages(CaseRef ref) {
    if (!(ref.managesCenter() || ref.administers())) {
      throw new ForbiddenException("only the case's center manager or an administrator");
    }
  }

  /**
   * Reads sensitive text (notes, screening answers, safety plan): those who work the case only. An
   * administrator sees that a screening or session happened, not what was said.
   */
  public boolean mayReadSensitive(CaseRef ref) {
    return ref.works();
  }

  public void requireSensitive(CaseRef ref) {
    if (!mayReadSensitive(ref)) {
      throw new ForbiddenException("sensitive case information is for the case's team");
    }
  }
}
