package org.huhang.center;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.huhang.center.internal.CenterCatalog;
import org.huhang.center.internal.CenterCounts;
import org.huhang.center.internal.CenterRegistry;
import org.huhang.shared.Actor;
import org.huhang.shared.DataScope;
import org.huhang.shared.Paged;
import org.springframework.stereotype.Service;

/**
 * The center module's API. Administrators manage the centers of their scope; a center manager sees
 * and edits only the centers it runs; everyone else reads the centers of its scope. A center
 * outside what the caller sees answers 404, a change its role may not make 403.
 */
@Service
public class Centers {

  private final CenterCatalog catalog;
  private final CenterRegistry registry;
  private final CenterCounts counts;

  Centers(CenterCatalog catalog, CenterRegistry registry, CenterCounts counts) {
    this.counts = counts;
    this.catalog = catalog;
    this.registry = registry;
  }

  public Paged<CenterView> search(CenterSearch search, Actor actor) {
    return catalog.search(search, actor);
  }

  /** A center the actor sees; any other answers 404. */
  public CenterView get(UUID id, Actor actor) {
    return catalog.get(id, actor);
  }

  /**
   * The names of these centers among the actor's {@link #choices}, in one query: what a list of
   * people with a home center shows on its page (a center outside them is not named).
   */
  public java.util.Map<java.util.UUID, String> namesOf(
      java.util.Collection<java.util.UUID> ids, Actor actor) {
    return catalog.namesOf(ids, actor);
  }

  /**
   * The names of these centers, regardless of scope, in one query: for lists of records that hold
   * center ids (cases, events), which show the names of the page's centers only.
   */
  public java.util.Map<java.util.UUID, String> names(java.util.Collection<java.util.UUID> ids) {
    return catalog.names(ids);
  }

  /** Any center by id, regardless of scope: for modules that hold a center id. */
  public Optional<CenterView> find(CenterId id) {
    return catalog.find(id);
  }

  /** The centers an actor may assign people to: its own as a manager, its scope otherwise. */
  public List<CenterView> choices(Actor actor) {
    return catalog.choices(actor);
  }

  /**
   * The open centers within a region's subtree, regardless of who asks: what a family scanning an
   * area's poster may book at (their names, addresses and hours are public).
   */
  public List<CenterView> openWithin(DataScope region) {
    return catalog.openWithin(region);
  }

  /** Every center, regardless of scope: for system work such as the demo data. */
  public List<CenterView> all() {
    return catalog.all();
  }

  /** Ids of the centers a user runs. */
  public List<CenterId> managedBy(UUID userId) {
    return catalog.managedBy(userId);
  }

  /** Opens a center; administrators only, at a region of their scope. */
  /** 403 unless the actor may open centers: asked before a body is looked at. */
  public void requireCreator(Actor actor) {
    registry.requireCreator(actor);
  }

  /** 404 outside the actor's centers, 403 unless it may edit this one; else nothing. */
  public void requireEditor(CenterId id, Actor actor) {
    registry.requireEditor(id, actor);
  }

  public CenterView create(SaveCenter command, Actor actor) {
    return registry.create(command, actor);
  }

  /**
   * Every problem saving this form would meet, saving nothing ({@code existing} null for a new
   * center): so that a form with an unreadable field still shows all its other problems at once.
   */
  public List<org.huhang.shared.DomainException.FieldProblem> problems(
      CenterId existing, SaveCenter command, Actor actor) {
    return registry.problems(existing, command, actor);
  }

  /** Edits a center the actor sees and may edit; its region stays. */
  public CenterView update(CenterId id, SaveCenter command, Actor actor) {
    return registry.update(id, command, actor);
  }

  /**
   * Deletes a center entered by mistake; administrators only. One still holding volunteers (or
   * other records) is refused: close it instead.
   */
  public void delete(CenterId id, Actor actor) {
    registry.delete(id, actor);
  }

  /** The open centers and rooms of a region's subtree by region path and kind: for the figures. */
  public List<CenterCount> openCounts(DataScope scope) {
    return counts.open(scope);
  }
}
