package org.huhang.outreach.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.huhang.outreach.OutreachEventView;
import org.huhang.outreach.OutreachSearch;
import org.huhang.region.RegionView;
import org.huhang.region.Regions;
import org.huhang.shared.Actor;
import org.huhang.shared.InvalidInputException;
import org.huhang.shared.Paged;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The read side of outreach: the list, a month's calendar and single events, within scope. */
@Service
@Transactional(readOnly = true)
public class OutreachCatalog {

  private final OutreachQueries queries;
  private final OutreachPolicy policy;
  private final OutreachViews views;
  private final Regions regions;

  OutreachCatalog(
      OutreachQueries queries, OutreachPolicy policy, OutreachViews views, Regions regions) {
    this.queries = queries;
    this.policy = policy;
    this.views = views;
    this.regions = regions;
  }

  /**
   * One page of the events the actor sees that match the filters. A region code that names no
   * region answers 400; one outside the scope narrows nothing beyond the scope.
   */
  public Paged<OutreachEventView> search(OutreachSearch search, Actor actor) {
    String scope = policy.scope(actor);
    int page = Paged.clampPage(search.page());
    int size = Paged.clampSize(search.size());
    String regionPattern = null;
    if (search.region() != null) {
      regionPattern =
          regions
              .find(search.region())
              .map(RegionView::path)
              .map(path -> path + "%")
              .orElseThrow(() -> new InvalidInputException("region", "outreach.region.unknown"));
    }
    OutreachQueries.Filter filter =
        new OutreachQueries.Filter(search.type(), regionPattern, search.from(), search.to());
    List<OutreachEventView> items =
        views.list(queries.search(scope, filter, size, (long) page * size));
    return Paged.counted(items, page, size, limit -> queries.count(scope, filter, limit));
  }

  /** An event the actor sees; any other answers 404. */
  public OutreachEventView get(UUID id, Actor actor) {
    return views.list(List.of(queries.visible(id, policy.scope(actor)))).get(0);
  }

  /** An event the actor sees (404) and may edit (403). */
  OutreachEventView editable(UUID id, Actor actor) {
    OutreachEventView event = get(id, actor);
    policy.requireWriteAt(actor, event.regionPath());
    return event;
  }

  /** Every day of the month with the events held on it, in the order of the day. */
  public Map<LocalDate, List<OutreachEventView>> month(YearMonth month, Actor actor) {
    String scope = policy.scope(actor);
    Map<LocalDate, List<OutreachEventView>> days = new LinkedHashMap<>();
    for (int d = 1; d <= month.lengthOfMonth(); d++) {
      days.put(month.atDay(d), new java.util.ArrayList<>());
    }
    views
        .list(queries.between(scope, month.atDay(1), month.atEndOfMonth()))
        .forEach(e -> days.get(e.heldOn()).add(e));
    return days;
  }

  /** The counties and city of the scope, for the region filter. */
  public List<RegionView> filterRegions(Actor actor) {
    policy.requireRead(actor);
    return regions.inScope(actor.scope()).stream()
        .filter(
            r ->
                r.level() == org.huhang.region.RegionLevel.CITY
                    || r.level() == org.huhang.region.RegionLevel.COUNTY)
        .toList();
  }
}
