package org.huhang.outreach.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.huhang.center.CenterView;
import org.huhang.center.Centers;
import org.huhang.outreach.OutreachEventView;
import org.huhang.outreach.SaveOutreachEvent;
import org.huhang.region.RegionLevel;
import org.huhang.region.RegionView;
import org.huhang.region.Regions;
import org.huhang.shared.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the event form offers an actor: the regions it may hold an event in (city, counties and
 * townships; villages are named in the place) and the centers it may name as organiser. Asking for
 * a form is refused as the save would be.
 */
@Service
@Transactional(readOnly = true)
public class OutreachForms {

  /** The form's content; {@code existing} is null for a new event. */
  public record OutreachForm(
      OutreachEventView existing,
      SaveOutreachEvent command,
      List<RegionView> regions,
      List<CenterView> centers) {}

  private final OutreachCatalog catalog;
  private final OutreachPolicy policy;
  private final Regions regions;
  private final Centers centers;
  private final Clock clock;

  OutreachForms(
      OutreachCatalog catalog,
      OutreachPolicy policy,
      Regions regions,
      Centers centers,
      Clock clock) {
    this.catalog = catalog;
    this.policy = policy;
    this.regions = regions;
    this.centers = centers;
    this.clock = clock;
  }

  /** An empty form for a new event today, at the first region the actor may choose. */
  public OutreachForm blank(Actor actor) {
    policy.requireCreate(actor);
    List<RegionView> offered = offered(actor, null);
    String region = offered.isEmpty() ? actor.regionCode() : offered.get(0).code();
    return forNew(SaveOutreachEvent.blank(region, LocalDate.now(clock)), actor);
  }

  public OutreachForm forNew(SaveOutreachEvent command, Actor actor) {
    policy.requireCreate(actor);
    return new OutreachForm(null, command, offered(actor, null), centers.choices(actor));
  }

  public OutreachForm forEdit(UUID id, Actor actor) {
    OutreachEventView existing = catalog.editable(id, actor);
    return forEdit(existing, SaveOutreachEvent.of(existing), actor);
  }

  public OutreachForm forEdit(UUID id, SaveOutreachEvent command, Actor actor) {
    return forEdit(catalog.editable(id, actor), command, actor);
  }

  private OutreachForm forEdit(OutreachEventView existing, SaveOutreachEvent command, Actor actor) {
    return new OutreachForm(existing, command, offered(actor, existing), centers.choices(actor));
  }

  private List<RegionView> offered(Actor actor, OutreachEventView existing) {
    return regions.inScope(actor.scope()).stream()
        .filter(r -> r.level() != RegionLevel.VILLAGE)
        .filter(
            r ->
                policy.offers(actor, r)
                    || (existing != null && r.code().equals(existing.regionCode())))
        .toList();
  }
}
