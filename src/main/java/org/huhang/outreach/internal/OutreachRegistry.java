package org.huhang.outreach.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.huhang.audit.AuditTrail;
import org.huhang.center.CenterView;
import org.huhang.center.Centers;
import org.huhang.outreach.OutreachEventId;
import org.huhang.outreach.OutreachEventView;
import org.huhang.outreach.SaveOutreachEvent;
import org.huhang.region.RegionView;
import org.huhang.region.Regions;
import org.huhang.shared.Actor;
import org.huhang.shared.ConflictException;
import org.huhang.shared.DomainException;
import org.huhang.shared.DomainException.FieldProblem;
import org.huhang.shared.NotFoundException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records and edits outreach events on a user's request. The aggregate refuses what concerns the
 * event alone; this class adds what needs other records (the region of the scope, the organising
 * center) and reports every problem of a form at once.
 */
@Service
public class OutreachRegistry {

  private final OutreachEventRepository repository;
  private final OutreachQueries queries;
  private final OutreachPolicy policy;
  private final OutreachViews views;
  private final Regions regions;
  private final Centers centers;
  private final AuditTrail audit;
  private final Clock clock;

  OutreachRegistry(
      OutreachEventRepository repository,
      OutreachQueries queries,
      OutreachPolicy policy,
      OutreachViews views,
      Regions regions,
      Centers centers,
      AuditTrail audit,
      Clock clock) {
    this.repository = repository;
    this.queries = queries;
    this.policy = policy;
    this.views = views;
    this.regions = regions;
    this.centers = centers;
    this.audit = audit;
    this.clock = clock;
  }

  /** 403 unless the actor records events at all: asked before a body is looked at. */
  public void requireCreator(Actor actor) {
    policy.requireCreate(actor);
  }

  /** 404 outside the actor's scope, 403 unless it may edit this event; else nothing. */
  public void requireEditor(OutreachEventId id, Actor actor) {
    policy.requireRead(actor);
    OutreachQueries.Row seen = queries.visible(id.value(), policy.scope(actor));
    policy.requireWriteAt(actor, seen.regionPath());
  }

  @Transactional
  public OutreachEventView create(SaveOutreachEvent command, Actor actor) {
    policy.requireCreate(actor);
    OutreachEvent event = recordChecked(command, actor);
    repository.save(event);
    audit.recordWrite("outreach.create", "outreach_event", event.getId().toString());
    return views.of(event);
  }

  @Transactional
  public OutreachEventView update(OutreachEventId id, SaveOutreachEvent command, Actor actor) {
    OutreachEvent event = reviseChecked(id, command, actor);
    try {
      repository.save(event);
    } catch (OptimisticLockingFailureException e) {
      throw ConflictException.of(null, "outreach.conflict");
    }
    audit.recordWrite("outreach.update", "outreach_event", id.toString());
    return views.of(repository.findById(id.value()).orElseThrow());
  }

  /**
   * Every problem that saving this form would meet, saving nothing: a form whose fields could not
   * all be read still shows the rules' problems of the others.
   */
  @Transactional(readOnly = true)
  public List<FieldProblem> problems(
      OutreachEventId existing, SaveOutreachEvent command, Actor actor) {
    try {
      if (existing == null) {
        recordChecked(command, actor);
      } else {
        reviseChecked(existing, command, actor);
      }
      return List.of();
    } catch (ConflictException e) {
      return e.problems();
    } catch (DomainException e) {
      return e.problems();
    }
  }

  private OutreachEvent recordChecked(SaveOutreachEvent command, Actor actor) {
    List<FieldProblem> problems = new ArrayList<>();
    RegionView region = region(command, actor, problems);
    String regionPath = region == null ? actor.regionPath() : region.path();
    String regionCode = region == null ? actor.regionCode() : region.code();
    java.util.UUID centerId = center(command, actor, regionPath, problems);
    OutreachEvent event = null;
    try {
      event =
          OutreachEvent.record(
              details(command), regionCode, regionPath, centerId, actor.username(), today());
    } catch (DomainException e) {
      problems.addAll(0, e.problems());
    }
    if (!problems.isEmpty()) {
      throw new DomainException(problems);
    }
    return event;
  }

  private OutreachEvent reviseChecked(OutreachEventId id, SaveOutreachEvent command, Actor actor) {
    requireEditor(id, actor);
    OutreachEvent event =
        repository.findById(id.value()).orElseThrow(() -> new NotFoundException("outreach event"));
    if (command.version() == null) {
      throw DomainException.of("version", "outreach.version.required");
    }
    if (!event.readAt(command.version())) {
      throw ConflictException.of(null, "outreach.conflict");
    }
    List<FieldProblem> problems = new ArrayList<>();
    RegionView region = region(command, actor, problems);
    String regionPath = region == null ? event.regionPath() : region.path();
    java.util.UUID centerId = center(command, actor, regionPath, problems);
    try {
      event.revise(details(command), today());
    } catch (DomainException e) {
      problems.addAll(0, e.problems());
    }
    if (!problems.isEmpty()) {
      throw new DomainException(problems);
    }
    event.moveTo(region.code(), region.path());
    event.organisedBy(centerId);
    return event;
  }

  /** The region chosen, if the actor may hold an event there; else a problem and null. */
  private RegionView region(SaveOutreachEvent command, Actor actor, List<FieldProblem> problems) {
    if (command.regionCode() == null || command.regionCode().isBlank()) {
      problems.add(new FieldProblem("regionCode", "outreach.regionCode.required", new Object[0]));
      return null;
    }
    RegionView region =
        regions.find(command.regionCode()).filter(r -> policy.offers(actor, r)).orElse(null);
    if (region == null) {
      problems.add(
          new FieldProblem(
              "regionCode", "outreach.regionCode.outOfScope", new Object[] {command.regionCode()}));
    }
    return region;
  }

  private java.util.UUID center(
      SaveOutreachEvent command, Actor actor, String regionPath, List<FieldProblem> problems) {
    if (command.centerId() == null) {
      return null;
    }
    CenterView center = centers.find(command.centerId()).orElse(null);
    if (center == null || !policy.mayOrganise(actor, center, regionPath)) {
      problems.add(new FieldProblem("centerId", "outreach.center.invalid", new Object[0]));
      return null;
    }
    return center.id().value();
  }

  private static OutreachEvent.Details details(SaveOutreachEvent c) {
    return new OutreachEvent.Details(
        c.type(),
        c.title(),
        c.heldOn(),
        c.startsAt(),
        c.place(),
        c.speakers(),
        c.audience(),
        c.attendance(),
        c.summary());
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }
}
