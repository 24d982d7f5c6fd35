package org.huhang.identity.internal;

import org.huhang.region.RegionLevel;
import org.huhang.shared.Actor;
import org.huhang.shared.ForbiddenException;
import org.huhang.shared.Role;

/** Who may manage accounts: administrators, for the accounts of their scope and roles they hold. */
public final class IdentityPolicy {

  private IdentityPolicy() {}

  public static boolean mayManageUsers(Actor actor) {
    return actor.role().isAdministrator();
  }

  public static void requireUserManager(Actor actor) {
    if (!mayManageUsers(actor)) {
      throw new ForbiddenException("administrators only");
    }
  }

  /** An administrator grants, disables and enables only roles at or below its own. */
  public static void requireMayGrant(Actor actor, Role role) {
    if (!actor.role().mayGrant(role)) {
      throw new ForbiddenException("role above own");
    }
  }

  /**
   * Whether a role may be placed at a region of this level: the city administrator answers for the
   * whole city, so its account sits at the city region and nowhere below; at the province sits only
   * the analyst who reads the province's figures (no one works cases or registers there).
   */
  public static boolean mayPlace(Role role, RegionLevel level) {
    if (level == RegionLevel.PROVINCE) {
      return role == Role.ANALYST;
    }
    return role != Role.CITY_ADMIN || level == RegionLevel.CITY;
  }
}
