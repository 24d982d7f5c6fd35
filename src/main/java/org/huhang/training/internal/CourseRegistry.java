package org.huhang.training.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.huhang.audit.AuditTrail;
import org.huhang.region.RegionView;
import org.huhang.region.Regions;
import org.huhang.shared.Actor;
import org.huhang.shared.DomainException;
import org.huhang.shared.DomainException.FieldProblem;
import org.huhang.shared.NotFoundException;
import org.huhang.training.AddModule;
import org.huhang.training.CourseId;
import org.huhang.training.ParticipantStatus;
import org.huhang.training.SaveCourse;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Writes of courses and their modules, by the administrators who run them. */
@Service
public class CourseRegistry {

  private final CourseStore store;
  private final CourseCatalog catalog;
  private final TrainingPolicy policy;
  private final Enrollments enrollments;
  private final Regions regions;
  private final AuditTrail audit;
  private final Clock clock;

  CourseRegistry(
      CourseStore store,
      CourseCatalog catalog,
      TrainingPolicy policy,
      Enrollments enrollments,
      Regions regions,
      AuditTrail audit,
      Clock clock) {
    this.store = store;
    this.catalog = catalog;
    this.policy = policy;
    this.enrollments = enrollments;
    this.regions = regions;
    this.audit = audit;
    this.clock = clock;
  }

  public void requireCreator(Actor actor) {
    policy.requireRead(actor);
    policy.requireCreate(actor);
  }

  @Transactional
  public CourseId create(SaveCourse command, Actor actor) {
    requireCreator(actor);
    List<FieldProblem> problems =
        new ArrayList<>(CourseRules.courseProblems(command, LocalDate.now(clock), 0));
    RegionView region =
        command.regionCode() == null
            ? null
            : regions.find(command.regionCode()).filter(r -> policy.offers(actor, r)).orElse(null);
    if (region == null) {
      problems.add(
          new FieldProblem(
              "regionCode", "course.regionCode.outOfScope", new Object[] {command.regionCode()}));
    }
    CourseRules.refuseIfAny(problems);
    UUID id = UUID.randomUUID();
    store.insertCourse(id, command, region.path(), actor.username(), clock.instant());
    audit.recordWrite("training.course.create", "training-course", id.toString());
    return new CourseId(id);
  }

  @Transactional
  public void update(CourseId id, SaveCourse command, Actor actor) {
    CourseStore.CourseRow row = catalog.managed(id, actor);
    store.lock(id.value());
    int enrolled =
        store.countWithStatus(id.value(), ParticipantStatus.ENROLLED, ParticipantStatus.COMPLETED);
    List<FieldProblem> problems =
        new ArrayList<>(CourseRules.courseProblems(command, LocalDate.now(clock), enrolled));
    if (!row.regionCode().equals(command.regionCode())) {
      problems.add(new FieldProblem("regionCode", "course.regionCode.fixed", new Object[0]));
    }
    if (command.startsOn() != null
        && command.endsOn() != null
        && store.modulesOutside(id.value(), command.startsOn(), command.endsOn()) > 0) {
      problems.add(new FieldProblem("endsOn", "course.days.modulesOutside", new Object[0]));
    }
    CourseRules.refuseIfAny(problems);
    store.updateCourse(id.value(), command, clock.instant());
    // More seats: the first of the waiting list take them.
    enrollments.moveUp(id.value(), command.capacity());
    audit.recordWrite("training.course.update", "training-course", id.toString());
  }

  @Transactional
  public UUID addModule(CourseId id, AddModule command, Actor actor) {
    CourseStore.CourseRow row = catalog.managed(id, actor);
    CourseRules.refuseIfAny(CourseRules.moduleProblems(command, row.startsOn(), row.endsOn()));
    UUID moduleId = UUID.randomUUID();
    store.insertModule(moduleId, id.value(), command);
    audit.recordWrite("training.module.add", "training-course", id.toString());
    return moduleId;
  }

  /** Removes a module entered by mistake; one with attendance recorded is refused. */
  @Transactional
  public void removeModule(CourseId id, UUID moduleId, Actor actor) {
    catalog.managed(id, actor);
    if (store.modules(id.value()).stream().noneMatch(m -> m.id().equals(moduleId))) {
      throw new NotFoundException("module");
    }
    if (store.moduleAttended(moduleId)) {
      throw DomainException.of(null, "module.remove.attended");
    }
    store.deleteModule(id.value(), moduleId);
    audit.recordWrite("training.module.remove", "training-course", id.toString());
  }
}
