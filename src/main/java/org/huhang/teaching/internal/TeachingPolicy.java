package org.huhang.teaching.internal;

import java.util.List;
import java.util.UUID;
import org.huhang.center.CenterId;
import org.huhang.center.Centers;
import org.huhang.shared.Actor;
import org.huhang.shared.ForbiddenException;
import org.huhang.shared.Role;
import org.springframework.stereotype.Component;

/**
 * Who may do what with teaching cases, in one place.
 *
 * <ul>
 *   <li>Published cases are anonymised teaching material: administrators, center managers and
 *       counselors of the whole city read them; registrars and analysts read none (403).
 *   <li>A draft is seen only by the managers of its case's center, who work the case and read its
 *       notes (casework lets only them draft); one waiting for the county also by the
 *       administrators whose region holds it; to everyone else it does not exist (404).
 *   <li>The center's managers edit and approve a draft; the second approval of a high-risk case is
 *       the county's administrator's (or the city's), not the first approver's; the managers and
 *       the administrators of its region withdraw a case that is not a draft.
 *   <li>Attaching to a training module: whoever runs the course (training decides which).
 * </ul>
 */
@Component
public class TeachingPolicy {

  private final Centers centers;

  TeachingPolicy(Centers centers) {
    this.centers = centers;
  }

  public boolean mayRead(Actor actor) {
    return actor.role().isAdministrator()
        || actor.is(Role.CENTER_MANAGER)
        || actor.is(Role.COUNSELOR);
  }

  void requireRead(Actor actor) {
    if (!mayRead(actor)) {
      throw new ForbiddenException("teaching cases are for counselors, managers, administrators");
    }
  }

  /** Roles that draft and approve: center managers and administrators. */
  public boolean mayDraft(Actor actor) {
    return actor.role().isAdministrator() || actor.is(Role.CENTER_MANAGER);
  }

  void requireDraft(Actor actor) {
    if (!mayDraft(actor)) {
      throw new ForbiddenException("center managers and administrators draft teaching cases");
    }
  }

  /** The centers a manager runs; the parameter of the queries that find its drafts. */
  UUID[] managedCenters(Actor actor) {
    if (!actor.is(Role.CENTER_MANAGER)) {
      return new UUID[0];
    }
    List<CenterId> ids = centers.managedBy(actor.userId());
    return ids.stream().map(CenterId::value).toArray(UUID[]::new);
  }

  /** Manages a teaching case found in its scope: its center's manager or an administrator. */
  boolean manages(Actor actor, UUID centerId, String regionPath) {
    if (!actor.scope().covers(regionPath)) {
      return false;
    }
    if (actor.role().isAdministrator()) {
      return true;
    }
    return actor.is(Role.CENTER_MANAGER)
        && java.util.Arrays.asList(managedCenters(actor)).contains(centerId);
  }

  /** Gives the second approval: the administrator of the case's county, or the city's. */
  boolean mayApproveForCounty(Actor actor, String regionPath) {
    return (actor.is(Role.COUNTY_ADMIN) || actor.is(Role.CITY_ADMIN))
        && actor.scope().covers(regionPath);
  }

  void requireCountyApproval(Actor actor, String regionPath) {
    if (!mayApproveForCounty(actor, regionPath)) {
      throw new ForbiddenException("the county administrator gives the second approval");
    }
  }
}
