package org.huhang.outreach;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.huhang.outreach.internal.EventCounts;
import org.huhang.outreach.internal.OutreachCatalog;
import org.huhang.outreach.internal.OutreachRegistry;
import org.huhang.region.RegionView;
import org.huhang.shared.Actor;
import org.huhang.shared.DataScope;
import org.huhang.shared.DomainException.FieldProblem;
import org.huhang.shared.Paged;
import org.springframework.stereotype.Service;

/**
 * The outreach module's API. Administrators record and edit the events of their scope, center
 * managers those in their centers' regions; counselors and analysts read; registrars do not (403).
 * An event outside what the caller sees answers 404.
 */
@Service
public class OutreachEvents {

  private final OutreachCatalog catalog;
  private final OutreachRegistry registry;
  private final EventCounts counts;

  OutreachEvents(OutreachCatalog catalog, OutreachRegistry registry, EventCounts counts) {
    this.counts = counts;
    this.catalog = catalog;
    this.registry = registry;
  }

  public Paged<OutreachEventView> search(OutreachSearch search, Actor actor) {
    return catalog.search(search, actor);
  }

  /** An event the actor sees; any other answers 404. */
  public OutreachEventView get(OutreachEventId id, Actor actor) {
    return catalog.get(id.value(), actor);
  }

  /** Every day of a month with its events, for the calendar page. */
  public Map<LocalDate, List<OutreachEventView>> month(YearMonth month, Actor actor) {
    return catalog.month(month, actor);
  }

  /** The city and counties of the actor's scope, for the region filter. */
  public List<RegionView> filterRegions(Actor actor) {
    return catalog.filterRegions(actor);
  }

  /** 403 unless the actor may record events: asked before a body is looked at. */
  public void requireCreator(Actor actor) {
    registry.requireCreator(actor);
  }

  /** 404 outside the actor's scope, 403 unless it may edit this event. */
  public void requireEditor(OutreachEventId id, Actor actor) {
    registry.requireEditor(id, actor);
  }

  public OutreachEventView create(SaveOutreachEvent command, Actor actor) {
    return registry.create(command, actor);
  }

  /** Edits an event as read at {@code command.version()}; a newer one is refused (409). */
  public OutreachEventView update(OutreachEventId id, SaveOutreachEvent command, Actor actor) {
    return registry.update(id, command, actor);
  }

  /** Every problem saving this form would meet ({@code existing} null for a new event). */
  public List<FieldProblem> problems(
      OutreachEventId existing, SaveOutreachEvent command, Actor actor) {
    return registry.problems(existing, command, actor);
  }

  /**
   * The events of a region's subtree held from {@code from} to {@code to}, by region path, month
   * and type: for the figures.
   */
  public List<EventCount> heldCounts(DataScope scope, LocalDate from, LocalDate to) {
    return counts.held(scope, from, to);
  }
}
