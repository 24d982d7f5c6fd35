package org.huhang.center.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.huhang.center.CenterId;
import org.huhang.center.CenterSearch;
import org.huhang.center.CenterView;
import org.huhang.shared.Actor;
import org.huhang.shared.Paged;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The read side of the centers: searches, lists and single centers, each within its scope. */
@Service
@Transactional(readOnly = true)
public class CenterCatalog {

  private final CenterQueries queries;
  private final CenterPolicy policy;
  private final CenterViews views;
  private final CenterNames names;

  CenterCatalog(CenterQueries queries, CenterPolicy policy, CenterViews views, CenterNames names) {
    this.queries = queries;
    this.policy = policy;
    this.views = views;
    this.names = names;
  }

  public Paged<CenterView> search(CenterSearch search, Actor actor) {
    int page = Paged.clampPage(search.page());
    int size = Paged.clampSize(search.size());
    CenterScope scope = policy.scope(actor);
    long total = queries.count(scope, search);
    List<CenterView> items = views.list(queries.search(scope, search, size, (long) page * size));
    return new Paged<>(items, page, size, total);
  }

  /** A center the actor sees; any other answers 404. */
  public CenterView get(UUID id, Actor actor) {
    return views.of(queries.visible(id, policy.scope(actor)));
  }

  /** A center the actor sees (404) and may edit (403). */
  public CenterView editable(UUID id, Actor actor) {
    CenterView center = get(id, actor);
    policy.requireEdit(actor, center.regionPath(), center.managerId());
    return center;
  }

  public Optional<CenterView> find(CenterId id) {
    return id == null ? Optional.empty() : queries.find(id.value()).map(views::of);
  }

  /** Its own centers for a center manager, by name; the centers of its scope for anyone else. */
  public List<CenterView> choices(Actor actor) {
    CenterScope scope = policy.scope(actor);
    List<CenterQueries.Row> rows =
        scope.managerId() != null
            ? queries.managedBy(scope.managerId())
            : queries.inRegions(scope.regionPattern());
    return views.list(rows);
  }

  public java.util.Map<java.util.UUID, String> namesOf(
      java.util.Collection<java.util.UUID> ids, Actor actor) {
    return names.of(ids, policy.scope(actor));
  }

  public java.util.Map<java.util.UUID, String> names(java.util.Collection<java.util.UUID> ids) {
    return names.of(ids, new CenterScope("%", null));
  }

  public List<CenterView> openWithin(org.huhang.shared.DataScope region) {
    return views.list(queries.openInRegions(region.likePattern()));
  }

  public List<CenterView> all() {
    return views.list(queries.inRegions("%"));
  }

  public List<CenterId> managedBy(UUID userId) {
    return queries.idsManagedBy(userId).stream().map(CenterId::new).toList();
  }
}
