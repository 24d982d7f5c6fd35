package org.huhang.center.internal;

import java.util.UUID;
import org.huhang.center.CenterView;
import org.huhang.identity.UserRef;
import org.huhang.region.RegionLevel;
import org.huhang.region.RegionView;
import org.huhang.shared.Actor;
import org.huhang.shared.ForbiddenException;
import org.huhang.shared.Role;
import org.springframework.stereotype.Component;

/**
 * Who may do what with centers, in one place. Administrators open, edit, delete and staff the
 * centers of their scope; a center manager sees and edits only the centers it runs and does not
 * appoint their manager; everyone else reads the centers of its scope.
 *
 * <p>A center outside what an actor sees answers 404 (the scope is part of the query); a move the
 * actor's role may not make on a center it sees answers 403.
 */
@Component
public class CenterPolicy {

  /** What the actor sees: its region, and only its own centers when it is a center manager. */
  CenterScope scope(Actor actor) {
    return new CenterScope(
        actor.scope().likePattern(), actor.is(Role.CENTER_MANAGER) ? actor.userId() : null);
  }

  public boolean mayCreate(Actor actor) {
    return actor.role().isAdministrator();
  }

  public boolean mayDelete(Actor actor) {
    return actor.role().isAdministrator();
  }

  /** Whether the actor chooses a center's manager (a manager keeps the one it is). */
  public boolean mayAppoint(Actor actor) {
    return actor.role().isAdministrator();
  }

  /** Whether the actor may edit the center: an administrator of its scope, or its manager. */
  public boolean mayEdit(Actor actor, CenterView center) {
    return mayEdit(actor, center.regionPath(), center.managerId());
  }

  boolean mayEdit(Actor actor, String regionPath, UUID managerId) {
    return (actor.role().isAdministrator() && actor.scope().covers(regionPath))
        || (actor.is(Role.CENTER_MANAGER) && actor.userId().equals(managerId));
  }

  /** Whether the actor may open a center at this region: it lies in the actor's scope. */
  boolean mayOpenIn(Actor actor, RegionView region) {
    return actor.scope().covers(region.path());
  }

  /** The regions a new-center form offers: the city itself only to the city's administrator. */
  boolean offers(Actor actor, RegionView region) {
    return mayOpenIn(actor, region)
        && region.level() != RegionLevel.PROVINCE
        && (region.level() != RegionLevel.CITY || actor.is(Role.CITY_ADMIN));
  }

  /**
   * Whether this person may run a center at this region path: an enabled center manager account
   * whose area contains the center.
   */
  boolean mayRun(UserRef candidate, String centerRegionPath) {
    return candidate.role() == Role.CENTER_MANAGER
        && candidate.enabled()
        && centerRegionPath.startsWith(candidate.regionPath());
  }

  void requireCreate(Actor actor) {
    if (!mayCreate(actor)) {
      throw new ForbiddenException("administrators only");
    }
  }

  void requireDelete(Actor actor) {
    if (!mayDelete(actor)) {
      throw new ForbiddenException("administrators only");
    }
  }

  void requireEdit(Actor actor, String regionPath, UUID managerId) {
    if (!mayEdit(actor, regionPath, managerId)) {
      throw new ForbiddenException("not this center");
    }
  }
}
