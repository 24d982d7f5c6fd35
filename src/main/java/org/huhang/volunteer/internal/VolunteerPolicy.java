package org.huhang.volunteer.internal;

import java.util.List;
import java.util.UUID;
import org.huhang.center.CenterId;
import org.huhang.center.Centers;
import org.huhang.shared.Actor;
import org.huhang.shared.ForbiddenException;
import org.huhang.shared.Role;
import org.springframework.stereotype.Component;

/**
 * Who may do what with volunteer records, in one place. Administrators work with the volunteers of
 * their region, a center manager with those of the centers it runs; other roles with none. The
 * whole identity number and phone are for the city administrator and the volunteer's own county's
 * administrator; the speciality dictionary for the city administrator.
 */
@Component
public class VolunteerPolicy {

  /**
   * The volunteers an actor sees, as bind parameters of a query: a region pattern for {@code
   * region_path like :scope}, and for a center manager the centers it runs (null: every center).
   */
  record Scope(String regionPattern, List<UUID> onlyCenters) {

    boolean everyCenter() {
      return onlyCenters == null;
    }

    /** A manager without a center sees nobody. */
    boolean nothing() {
      return onlyCenters != null && onlyCenters.isEmpty();
    }
  }

  private final Centers centers;

  VolunteerPolicy(Centers centers) {
    this.centers = centers;
  }

  /** Whether a role works with volunteer records at all. */
  public boolean mayManage(Actor actor) {
    return actor.role().isAdministrator() || actor.is(Role.CENTER_MANAGER);
  }

  public void requireManage(Actor actor) {
    if (!mayManage(actor)) {
      throw new ForbiddenException("volunteer records are for administrators and center managers");
    }
  }

  /** The city administrator, and the administrator of the volunteer's own county. */
  public boolean mayReveal(String regionPath, Actor actor) {
    return actor.is(Role.CITY_ADMIN)
        || (actor.is(Role.COUNTY_ADMIN) && actor.scope().covers(regionPath));
  }

  void requireReveal(String regionPath, Actor actor) {
    if (!mayReveal(regionPath, actor)) {
      throw new ForbiddenException("may not see the whole number");
    }
  }

  /** Whether the actor maintains the speciality dictionary. */
  public boolean mayKeepDictionary(Actor actor) {
    return actor.is(Role.CITY_ADMIN);
  }

  void requireDictionary(Actor actor) {
    if (!mayKeepDictionary(actor)) {
      throw new ForbiddenException("city administrators maintain the dictionary");
    }
  }

  /** The actor's scope; refuses roles that see no volunteer records. */
  Scope scope(Actor actor) {
    requireManage(actor);
    return new Scope(
        actor.scope().likePattern(),
        actor.is(Role.CENTER_MANAGER)
            ? centers.managedBy(actor.userId()).stream().map(CenterId::value).toList()
            : null);
  }
}
