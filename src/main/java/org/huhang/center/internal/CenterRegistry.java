package org.huhang.center.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.huhang.audit.AuditTrail;
import org.huhang.center.CenterId;
import org.huhang.center.CenterUsage;
import org.huhang.center.CenterView;
import org.huhang.center.SaveCenter;
import org.huhang.identity.Users;
import org.huhang.region.RegionView;
import org.huhang.region.Regions;
import org.huhang.shared.Actor;
import org.huhang.shared.DomainException;
import org.huhang.shared.DomainException.FieldProblem;
import org.huhang.shared.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens, edits and deletes centers on a user's request. The aggregate refuses what concerns the
 * center alone; this class adds what needs other records (the region, the manager's account, the
 * other names of the region, the records still held at a center) and reports every problem of a
 * form at once.
 */
@Service
public class CenterRegistry {

  private final CenterRepository repository;
  private final CenterQueries queries;
  private final CenterPolicy policy;
  private final CenterViews views;
  private final Regions regions;
  private final Users users;
  private final AuditTrail audit;
  private final List<CenterUsage> usages;
  private final CenterNames names;

  CenterRegistry(
      CenterRepository repository,
      CenterQueries queries,
      CenterPolicy policy,
      CenterViews views,
      Regions regions,
      Users users,
      AuditTrail audit,
      List<CenterUsage> usages,
      CenterNames names) {
    this.repository = repository;
    this.queries = queries;
    this.policy = policy;
    this.views = views;
    this.regions = regions;
    this.users = users;
    this.audit = audit;
    this.usages = usages;
    this.names = names;
  }

  @Transactional
  public CenterView create(SaveCenter command, Actor actor) {
    Center center = openChecked(command, actor);
    if (command.managerId() != null) {
      center.appointManager(command.managerId());
    }
    center.changeStatus(command.status());
    save(center);
    audit.recordWrite("center.create", "center", center.getId().toString());
    return views.of(center);
  }

  /**
   * Every problem that saving this form would meet, saving nothing: a form whose fields could not
   * all be read still shows the rules' problems of the others, all at once.
   */
  @Transactional(readOnly = true)
  public List<FieldProblem> problems(CenterId existing, SaveCenter command, Actor actor) {
    try {
      if (existing == null) {
        openChecked(command, actor);
      } else {
        describeChecked(existing, command, actor);
      }
      return List.of();
    } catch (DomainException e) {
      return e.problems();
    }
  }

  public void requireCreator(Actor actor) {
    policy.requireCreate(actor);
  }

  @Transactional(readOnly = true)
  public void requireEditor(CenterId id, Actor actor) {
    CenterQueries.Row seen = queries.visible(id.value(), policy.scope(actor));
    policy.requireEdit(actor, seen.regionPath(), seen.managerId());
  }

  /** A new center as the form describes it, or every problem of the form at once. */
  private Center openChecked(SaveCenter command, Actor actor) {
    policy.requireCreate(actor);
    List<FieldProblem> problems = new ArrayList<>();
    boolean chosen = command.regionCode() != null && !command.regionCode().isBlank();
    RegionView region =
        chosen
            ? regions
                .find(command.regionCode())
                .filter(r -> policy.mayOpenIn(actor, r) && !r.closed())
                .orElse(null)
            : null;
    if (!chosen) {
      problems.add(new FieldProblem("regionCode", "center.regionCode.required", new Object[0]));
    } else if (region == null) {
      problems.add(
          new FieldProblem(
              "regionCode", "center.regionCode.outOfScope", new Object[] {command.regionCode()}));
    }
    // Without a valid region the actor's own stands in, so that the other fields are still checked.
    String regionCode = region == null ? actor.regionCode() : region.code();
    String regionPath = region == null ? actor.regionPath() : region.path();
    Center center = null;
    try {
      center =
          Center.open(
              command.kind(),
              command.name(),
              regionCode,
              regionPath,
              command.address(),
              command.phone(),
              command.openingHours(),
              command.capacity());
    } catch (DomainException e) {
      problems.addAll(e.problems());
    }
    checkManager(command.managerId(), regionPath, problems);
    checkName(command.regionCode(), command.name(), null, problems);
    if (!problems.isEmpty()) {
      throw new DomainException(problems);
    }
    return center;
  }

  @Transactional
  public CenterView update(CenterId id, SaveCenter command, Actor actor) {
    Center center = describeChecked(id, command, actor);
    UUID manager = policy.mayAppoint(actor) ? command.managerId() : center.managerId();
    if (!Objects.equals(manager, center.managerId())) {
      if (manager == null) {
        center.relieveManager();
      } else {
        center.appointManager(manager);
      }
    }
    center.changeStatus(command.status());
    save(center);
    audit.recordWrite("center.update", "center", id.toString());
    return views.of(center);
  }

  /** The center with the form's description, not yet saved, or every problem at once. */
  private Center describeChecked(CenterId id, SaveCenter command, Actor actor) {
    CenterQueries.Row seen = queries.visible(id.value(), policy.scope(actor));
    policy.requireEdit(actor, seen.regionPath(), seen.managerId());
    Center center =
        repository.findById(id.value()).orElseThrow(() -> new NotFoundException("center"));
    // A manager runs the center but does not appoint its manager.
    UUID manager = policy.mayAppoint(actor) ? command.managerId() : center.managerId();
    List<FieldProblem> problems = new ArrayList<>();
    if (!center.regionCode().equals(command.regionCode())) {
      problems.add(new FieldProblem("regionCode", "center.regionCode.fixed", new Object[0]));
    }
    try {
      center.describe(
          command.kind(),
          command.name(),
          command.address(),
          command.phone(),
          command.openingHours(),
          command.capacity());
    } catch (DomainException e) {
      problems.addAll(e.problems());
    }
    checkManager(manager, center.regionPath(), problems);
    checkName(center.regionCode(), command.name(), center.getId(), problems);
    if (!problems.isEmpty()) {
      throw new DomainException(problems);
    }
    return center;
  }

  /**
   * Deletes a center entered by mistake. A center that still has volunteers (or other records) is
   * refused: close it instead, so that its history stays.
   */
  @Transactional
  public void delete(CenterId id, Actor actor) {
    policy.requireDelete(actor);
    queries.visible(id.value(), policy.scope(actor));
    long inUse = usages.stream().mapToLong(u -> u.countAt(id)).sum();
    if (inUse > 0) {
      throw DomainException.of(null, "center.delete.inUse", inUse);
    }
    repository.deleteById(id.value());
    names.forgetAfterThisTransaction();
    audit.recordWrite("center.delete", "center", id.toString());
  }

  /** Saves the center; a name taken meanwhile by a parallel request is refused as any other. */
  private void save(Center center) {
    try {
      repository.save(center);
      names.forgetAfterThisTransaction();
    } catch (DuplicateKeyException e) {
      throw DomainException.of("name", "center.name.taken", center.name());
    }
  }

  private void checkManager(UUID managerId, String regionPath, List<FieldProblem> problems) {
    if (managerId != null
        && users.find(managerId).filter(u -> policy.mayRun(u, regionPath)).isEmpty()) {
      problems.add(new FieldProblem("managerId", "center.manager.invalid", new Object[0]));
    }
  }

  private void checkName(String regionCode, String name, UUID self, List<FieldProblem> problems) {
    if (regionCode != null && queries.nameTaken(regionCode, name, self)) {
      problems.add(new FieldProblem("name", "center.name.taken", new Object[] {name}));
    }
  }
}
