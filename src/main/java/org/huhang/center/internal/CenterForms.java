package org.huhang.center.internal;

import java.util.List;
import java.util.UUID;
import org.huhang.center.CenterView;
import org.huhang.center.SaveCenter;
import org.huhang.identity.UserRef;
import org.huhang.identity.Users;
import org.huhang.region.RegionView;
import org.huhang.region.Regions;
import org.huhang.shared.Actor;
import org.huhang.shared.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the center form offers an actor: the regions it may open a center in and the managers it may
 * appoint. Asking for a form is refused as the save would be: 403 for a new center to anyone but an
 * administrator, 404 or 403 for a center the actor does not see or may not edit.
 */
@Service
@Transactional(readOnly = true)
public class CenterForms {

  /** The form's content; {@code existing} is null for a new center. */
  public record CenterForm(
      CenterView existing,
      SaveCenter command,
      List<RegionView> regions,
      List<UserRef> managers,
      boolean canAppoint) {}

  private final CenterCatalog catalog;
  private final CenterPolicy policy;
  private final Regions regions;
  private final Users users;

  CenterForms(CenterCatalog catalog, CenterPolicy policy, Regions regions, Users users) {
    this.catalog = catalog;
    this.policy = policy;
    this.regions = regions;
    this.users = users;
  }

  /** An empty form for a new center at the actor's own region. */
  public CenterForm blank(Actor actor) {
    return forNew(SaveCenter.blank(actor.regionCode()), actor);
  }

  /** The new-center form holding what was entered. */
  public CenterForm forNew(SaveCenter command, Actor actor) {
    policy.requireCreate(actor);
    return form(null, command, actor);
  }

  /** The edit form of a center, filled from the center. */
  public CenterForm forEdit(UUID id, Actor actor) {
    CenterView existing = catalog.editable(id, actor);
    return form(existing, SaveCenter.of(existing), actor);
  }

  /** The edit form of a center holding what was entered. */
  public CenterForm forEdit(UUID id, SaveCenter command, Actor actor) {
    return form(catalog.editable(id, actor), command, actor);
  }

  private CenterForm form(CenterView existing, SaveCenter command, Actor actor) {
    boolean canAppoint = policy.mayAppoint(actor);
    List<RegionView> regionChoices =
        regions.inScope(actor.scope()).stream()
            .filter(r -> policy.offers(actor, r))
            // A closed region is offered only to the center that is there already.
            .filter(
                r -> !r.closed() || (existing != null && r.code().equals(existing.regionCode())))
            .toList();
    List<UserRef> managers =
        canAppoint ? users.withRole(Role.CENTER_MANAGER, actor.scope()) : List.of();
    return new CenterForm(existing, command, regionChoices, managers, canAppoint);
  }
}
