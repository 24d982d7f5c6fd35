package org.huhang.casework.internal;

import org.huhang.shared.Actor;
import org.huhang.shared.ForbiddenException;
import org.huhang.shared.Role;
import org.springframework.stereotype.Component;

/**
 * Who may do what in casework, in one place. The referral queue is worked by center managers (for
 * the centers they run) and by administrators (for every center of their region); a referral or
 * case outside the actor's region answers 404, a role that may not act on it 403.
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
}
