package org.huhang.volunteer.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.huhang.center.Centers;
import org.huhang.region.RegionLevel;
import org.huhang.region.Regions;
import org.huhang.shared.Actor;
import org.huhang.shared.Paged;
import org.huhang.shared.text.ChineseNames;
import org.huhang.volunteer.VolunteerDetail;
import org.huhang.volunteer.VolunteerId;
import org.huhang.volunteer.VolunteerSearch;
import org.huhang.volunteer.VolunteerSummary;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finding volunteers: the search by name, pinyin or initials with its filters, the export's
 * batches, one volunteer's page. Identity numbers and phones leave here masked.
 */
@Service
public class VolunteerDirectory {

  /**
   * Lists count their matches up to these many; past it they say "more than 1000 (200), narrow the
   * search". Counting tens of thousands of rows, or checking every name's keys for one letter,
   * would cost more than the page itself and tells the user nothing more.
   */
  static final int COUNT_CAP = 1000;

  static final int COUNT_CAP_BY_NAME = 200;

  static final int EXPORT_BATCH = 1000;

  private final VolunteerRepository repository;
  private final VolunteerQueries queries;
  private final VolunteerPolicy policy;
  private final VolunteerViews views;
  private final Centers centers;
  private final Regions regions;

  VolunteerDirectory(
      VolunteerRepository repository,
      VolunteerQueries queries,
      VolunteerPolicy policy,
      VolunteerViews views,
      Centers centers,
      Regions regions) {
    this.repository = repository;
    this.queries = queries;
    this.policy = policy;
    this.views = views;
    this.centers = centers;
    this.regions = regions;
  }

  @Transactional(readOnly = true)
  public Paged<VolunteerSummary> search(VolunteerSearch search, Actor actor) {
    VolunteerPolicy.Scope scope = policy.scope(actor);
    int page = Paged.clampPage(search.page());
    int size = Paged.clampSize(search.size());
    Optional<VolunteerQueries.Filter> filter = filter(search, scope, actor);
    if (filter.isEmpty()) {
      return new Paged<>(List.of(), page, size, 0);
    }
    int cap = filter.get().key() != null ? COUNT_CAP_BY_NAME : COUNT_CAP;
    long total = queries.count(filter.get(), cap + 1);
    List<VolunteerSummary> rows =
        queries.search(filter.get(), search.sort(), size, (long) page * size, c -> "");
    // The names of the page's centers only, not of every center in scope with its region and
    // manager (which was half of a page's time, issue 13).
    Map<UUID, String> centerNames =
        centers.namesOf(
            rows.stream()
                .map(VolunteerSummary::centerId)
                .filter(java.util.Objects::nonNull)
                .collect(java.util.stream.Collectors.toSet()),
            actor);
    List<VolunteerSummary> items =
        rows.stream()
            .map(v -> v.withCenterName(centerNames.getOrDefault(v.centerId(), "")))
            .toList();
    return total > cap
        ? new Paged<>(items, page, size, cap, true)
        : new Paged<>(items, page, size, total);
  }

  /** Every volunteer matching the search, a batch at a time, for the export. */
  @Transactional(readOnly = true)
  public void forEachMatch(
      VolunteerSearch search, Actor actor, Consumer<VolunteerSummary> consumer) {
    VolunteerPolicy.Scope scope = policy.scope(actor);
    Optional<VolunteerQueries.Filter> filter = filter(search, scope, actor);
    if (filter.isEmpty()) {
      return;
    }
    Map<UUID, String> centerNames = centerNames(actor);
    for (long offset = 0; ; offset += EXPORT_BATCH) {
      List<VolunteerSummary> rows =
          queries.search(
              filter.get(),
              search.sort(),
              EXPORT_BATCH,
              offset,
              c -> centerNames.getOrDefault(c, ""));
      rows.forEach(consumer);
      if (rows.size() < EXPORT_BATCH) {
        return;
      }
    }
  }

  /** One volunteer's page; outside the actor's scope it does not exist. */
  @Transactional(readOnly = true)
  public VolunteerDetail get(VolunteerId id, Actor actor) {
    return views.detail(repository.visible(id.value(), policy.scope(actor)));
  }

  /** A volunteer by id, regardless of scope: for modules that hold a volunteer id. */
  @Transactional(readOnly = true)
  public Optional<VolunteerSummary> find(VolunteerId id) {
    return repository.findById(id.value()).map(views::summary);
  }

  private Optional<VolunteerQueries.Filter> filter(
      VolunteerSearch s, VolunteerPolicy.Scope scope, Actor actor) {
    if (scope.nothing()) {
      return Optional.empty();
    }
    String key = null;
    if (s.q() != null) {
      key = ChineseNames.queryKey(s.q());
      if (key.isEmpty()) {
        return Optional.empty();
      }
    }
    String countyPattern = null;
    if (s.county() != null) {
      countyPattern =
          regions
              .find(s.county())
              .filter(r -> r.level() == RegionLevel.COUNTY && actor.scope().covers(r.path()))
              .map(r -> r.path() + "%")
              .orElse(null);
      if (countyPattern == null) {
        return Optional.empty();
      }
    }
    return Optional.of(
        new VolunteerQueries.Filter(
            scope.regionPattern(),
            scope.onlyCenters(),
            key,
            s.background() == null ? null : s.background().name(),
            s.speciality(),
            countyPattern,
            s.centerId(),
            s.status() == null ? null : s.status().name()));
  }

  private Map<UUID, String> centerNames(Actor actor) {
    Map<UUID, String> names = new HashMap<>();
    centers.choices(actor).forEach(c -> names.put(c.id().value(), c.name()));
    return names;
  }
}
