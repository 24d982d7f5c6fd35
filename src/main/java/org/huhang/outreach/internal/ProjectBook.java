package org.huhang.outreach.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.huhang.audit.AuditTrail;
import org.huhang.center.CenterId;
import org.huhang.center.CenterView;
import org.huhang.center.Centers;
import org.huhang.outreach.AwardHonour;
import org.huhang.outreach.SaveServiceProject;
import org.huhang.outreach.ServiceProjectId;
import org.huhang.outreach.ServiceProjectView;
import org.huhang.shared.Actor;
import org.huhang.shared.ConflictException;
import org.huhang.shared.DomainException;
import org.huhang.shared.NotFoundException;
import org.huhang.shared.Paged;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Volunteer service projects and their honours: the list and a project within scope, starting a
 * project at a center the actor may organise for, and awarding it an honour. Who may is the {@link
 * OutreachPolicy}'s, as for events.
 */
@Service
public class ProjectBook {

  private final ServiceProjectRepository repository;
  private final ProjectQueries queries;
  private final OutreachPolicy policy;
  private final Centers centers;
  private final AuditTrail audit;
  private final Clock clock;

  ProjectBook(
      ServiceProjectRepository repository,
      ProjectQueries queries,
      OutreachPolicy policy,
      Centers centers,
      AuditTrail audit,
      Clock clock) {
    this.repository = repository;
    this.queries = queries;
    this.policy = policy;
    this.centers = centers;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public Paged<ServiceProjectView> list(Integer page, Actor actor) {
    String scope = policy.scope(actor);
    int p = Paged.clampPage(page);
    int size = Paged.DEFAULT_SIZE;
    List<UUID> ids = queries.page(scope, size, (long) p * size);
    Map<UUID, ServiceProject> loaded =
        repository.findAllById(ids).stream()
            .collect(Collectors.toMap(ServiceProject::getId, Function.identity()));
    List<ServiceProjectView> items = ids.stream().map(loaded::get).map(this::view).toList();
    return new Paged<>(items, p, size, queries.count(scope));
  }

  /** A project the actor sees; any other answers 404. */
  @Transactional(readOnly = true)
  public ServiceProjectView get(ServiceProjectId id, Actor actor) {
    return view(load(id, actor));
  }

  @Transactional
  public ServiceProjectView start(SaveServiceProject command, Actor actor) {
    ServiceProject project = checked(command, actor);
    repository.save(project);
    audit.recordWrite("project.create", "service_project", project.getId().toString());
    return view(project);
  }

  /** Every problem starting this project would meet, starting nothing. */
  @Transactional(readOnly = true)
  public List<DomainException.FieldProblem> problems(SaveServiceProject command, Actor actor) {
    try {
      checked(command, actor);
      return List.of();
    } catch (DomainException e) {
      return e.problems();
    }
  }

  /** Every problem recording this honour would meet, recording nothing. */
  @Transactional(readOnly = true)
  public List<DomainException.FieldProblem> problems(
      ServiceProjectId id, AwardHonour command, Actor actor) {
    try {
      load(id, actor).award(command.award(), command.level(), command.awardedOn(), today());
      return List.of();
    } catch (DomainException e) {
      return e.problems();
    }
  }

  private ServiceProject checked(SaveServiceProject command, Actor actor) {
    policy.requireCreate(actor);
    List<DomainException.FieldProblem> problems = new java.util.ArrayList<>();
    CenterView center = null;
    if (command.centerId() != null) {
      try {
        center = organiser(command.centerId(), actor);
      } catch (DomainException e) {
        problems.addAll(e.problems());
      }
    }
    ServiceProject project = null;
    try {
      project =
          ServiceProject.start(
              command.name(),
              command.centerId() == null ? null : command.centerId().value(),
              center == null ? actor.regionPath() : center.regionPath(),
              command.startedOn(),
              command.endedOn(),
              command.description(),
              today());
    } catch (DomainException e) {
      problems.addAll(0, e.problems());
    }
    if (project != null && queries.named(project.name(), project.centerId())) {
      problems.add(
          new DomainException.FieldProblem(
              "name", "project.name.taken", new Object[] {project.name()}));
    }
    if (!problems.isEmpty()) {
      throw new DomainException(problems);
    }
    return project;
  }

  /** Records an honour of a project the actor sees (404) and may edit (403). */
  @Transactional
  public ServiceProjectView award(ServiceProjectId id, AwardHonour command, Actor actor) {
    ServiceProject project = load(id, actor);
    policy.requireWriteAt(actor, project.regionPath());
    project.award(command.award(), command.level(), command.awardedOn(), today());
    try {
      repository.save(project);
    } catch (OptimisticLockingFailureException e) {
      throw ConflictException.of(null, "project.conflict");
    }
    audit.recordWrite("project.award", "service_project", id.toString());
    return view(project);
  }

  /** 404 outside the scope, 403 unless the actor may add honours to this project. */
  @Transactional(readOnly = true)
  public void requireEditor(ServiceProjectId id, Actor actor) {
    policy.requireWriteAt(actor, load(id, actor).regionPath());
  }

  /** The centers a new project may belong to. */
  @Transactional(readOnly = true)
  public List<CenterView> centerChoices(Actor actor) {
    policy.requireCreate(actor);
    return centers.choices(actor).stream()
        .filter(c -> policy.mayWriteAt(actor, c.regionPath()))
        .toList();
  }

  private CenterView organiser(CenterId id, Actor actor) {
    return centerChoices(actor).stream()
        .filter(c -> c.id().equals(id))
        .findFirst()
        .orElseThrow(() -> DomainException.of("centerId", "outreach.center.invalid"));
  }

  private ServiceProject load(ServiceProjectId id, Actor actor) {
    queries.visible(id.value(), policy.scope(actor));
    return repository
        .findById(id.value())
        .orElseThrow(() -> new NotFoundException("service project"));
  }

  private ServiceProjectView view(ServiceProject p) {
    return new ServiceProjectView(
        new ServiceProjectId(p.getId()),
        p.name(),
        new CenterId(p.centerId()),
        centers.find(new CenterId(p.centerId())).map(CenterView::name).orElse(null),
        p.regionPath(),
        p.startedOn(),
        p.endedOn(),
        p.description(),
        p.honours().stream()
            .sorted(Comparator.comparing(StoredHonour::awardedOn).reversed())
            .map(h -> new ServiceProjectView.Honour(h.award(), h.level(), h.awardedOn()))
            .toList());
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }
}
