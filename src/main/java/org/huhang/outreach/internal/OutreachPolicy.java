package org.huhang.outreach.internal;

import java.util.List;
import org.huhang.center.CenterView;
import org.huhang.center.Centers;
import org.huhang.region.RegionView;
import org.huhang.shared.Actor;
import org.huhang.shared.ForbiddenException;
import org.huhang.shared.Role;
import org.springframework.stereotype.Component;

/**
 * Who may do what with outreach events, in one place. Administrators record and edit the events of
 * their scope; a center manager those held in the regions of the centers it runs; counselors and
 * analysts read the lists of their scope; registrars have no part in outreach (403).
 *
 * <p>An event outside what an actor sees answers 404 (its scope is a parameter of the query); a
 * move the actor's role may not make on an event it sees answers 403.
 */
@Component
public class OutreachPolicy {

  private final Centers centers;

  OutreachPolicy(Centers centers) {
    this.centers = centers;
  }

  /** The region path pattern bound to every query: the actor's own region's subtree. */
  String scope(Actor actor) {
    requireRead(actor);
    return actor.scope().likePattern();
  }

  public boolean mayRead(Actor actor) {
    return !actor.is(Role.REGISTRAR);
  }

  /** Whether the actor records events at all: administrators and center managers. */
  public boolean mayCreate(Actor actor) {
    return actor.role().isAdministrator() || actor.is(Role.CENTER_MANAGER);
  }

  /** Whether the actor may record or edit an event held at this region path. */
  public boolean mayWriteAt(Actor actor, String regionPath) {
    if (actor.role().isAdministrator()) {
      return actor.scope().covers(regionPath);
    }
    if (actor.is(Role.CENTER_MANAGER)) {
      return managedRegions(actor).stream().anyMatch(regionPath::startsWith);
    }
    return false;
  }

  /** Whether the region may be chosen for a new or edited event by this actor. */
  boolean offers(Actor actor, RegionView region) {
    return !region.closed() && mayWriteAt(actor, region.path());
  }

  /**
   * Whether the center may be named as organiser of an event at this region: one of the centers the
   * actor may assign (its own for a manager), at the event's region, above or below it.
   */
  boolean mayOrganise(Actor actor, CenterView center, String eventRegionPath) {
    boolean offered = centers.choices(actor).stream().anyMatch(c -> c.id().equals(center.id()));
    return offered
        && (center.regionPath().startsWith(eventRegionPath)
            || eventRegionPath.startsWith(center.regionPath()));
  }

  private List<String> managedRegions(Actor actor) {
    return centers.managedBy(actor.userId()).stream()
        .flatMap(id -> centers.find(id).stream())
        .map(CenterView::regionPath)
        .toList();
  }

  void requireRead(Actor actor) {
    if (!mayRead(actor)) {
      throw new ForbiddenException("no outreach for this role");
    }
  }

  void requireCreate(Actor actor) {
    if (!mayCreate(actor)) {
      throw new ForbiddenException("administrators and center managers only");
    }
  }

  void requireWriteAt(Actor actor, String regionPath) {
    if (!mayWriteAt(actor, regionPath)) {
      throw new ForbiddenException("not this event");
    }
  }
}
