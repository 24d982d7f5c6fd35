package org.huhang.training.internal;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.huhang.region.RegionView;
import org.huhang.region.Regions;
import org.huhang.shared.Actor;
import org.huhang.shared.Paged;
import org.huhang.shared.RegionPaths;
import org.huhang.training.CourseId;
import org.huhang.training.CourseView;
import org.huhang.training.ModuleView;
import org.huhang.training.ParticipantView;
import org.huhang.volunteer.VolunteerId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The read side of training: the courses an actor sees, one course, its participants. */
@Service
@Transactional(readOnly = true)
public class CourseCatalog {

  private final CourseStore store;
  private final TrainingPolicy policy;
  private final Regions regions;

  CourseCatalog(CourseStore store, TrainingPolicy policy, Regions regions) {
    this.store = store;
    this.policy = policy;
    this.regions = regions;
  }

  public Paged<CourseView> list(Integer page, Integer size, Actor actor) {
    policy.requireRead(actor);
    int p = Paged.clampPage(page);
    int s = Paged.clampSize(size);
    long total = store.count(policy.scope(actor), actor.regionPath());
    List<CourseView> items =
        store.list(policy.scope(actor), actor.regionPath(), s, (long) p * s).stream()
            .map(this::view)
            .toList();
    return new Paged<>(items, p, s, total);
  }

  /** A course the actor sees (else 404), a registrar none (403). */
  public CourseView get(CourseId id, Actor actor) {
    return view(row(id, actor));
  }

  CourseStore.CourseRow row(CourseId id, Actor actor) {
    if (!policy.mayRead(actor) && !participates(id, actor)) {
      policy.requireRead(actor);
    }
    return store.visible(id.value(), policy.scope(actor), actor.regionPath());
  }

  /**
   * Whether the actor takes part in the course as staff: a registrar, who reads no course else,
   * reads its own course (the page, its certificate, its feedback).
   */
  private boolean participates(CourseId id, Actor actor) {
    return actor != null
        && actor.userId() != null
        && store
            .participantOfUser(id.value(), actor.userId())
            .filter(p -> p.status() != org.huhang.training.ParticipantStatus.CANCELLED)
            .isPresent();
  }

  /** The courses a staff user takes or took as staff, newest first. */
  public List<org.huhang.training.VolunteerCourse> coursesOfUser(java.util.UUID userId) {
    return store.coursesOfUser(userId);
  }

  /** A course the actor sees (404) and runs (403). */
  CourseStore.CourseRow managed(CourseId id, Actor actor) {
    CourseStore.CourseRow row = row(id, actor);
    policy.requireManage(actor, row.regionPath());
    return row;
  }

  /** The modules of the courses the actor runs (an administrator's scope); others none. */
  public List<org.huhang.training.ModuleChoice> modulesToAttach(Actor actor) {
    if (!policy.mayCreate(actor)) {
      return List.of();
    }
    return store.modulesUnder(policy.scope(actor));
  }

  /** The courses of a volunteer, regardless of scope: for its own page and the home page. */
  public List<org.huhang.training.VolunteerCourse> coursesOf(VolunteerId volunteer) {
    return store.coursesOf(volunteer.value());
  }

  /** The participants of a course the actor sees, with the modules each attended. */
  public List<ParticipantView> participants(CourseId id, Actor actor) {
    row(id, actor);
    return participants(id.value(), store.modules(id.value()));
  }

  List<ParticipantView> participants(UUID courseId, List<ModuleView> modules) {
    Map<UUID, BigDecimal> hours = new HashMap<>();
    modules.forEach(m -> hours.put(m.id(), m.hours()));
    Map<UUID, Set<UUID>> attendance = store.attendance(courseId);
    Map<String, String> groups = new HashMap<>();
    return store.participants(courseId).stream()
        .map(
            p -> {
              Set<UUID> attended = attendance.getOrDefault(p.id(), Set.of());
              BigDecimal sum =
                  attended.stream()
                      .map(m -> hours.getOrDefault(m, BigDecimal.ZERO))
                      .reduce(BigDecimal.ZERO, BigDecimal::add);
              return new ParticipantView(
                  p.id(),
                  p.volunteerId() == null ? null : new VolunteerId(p.volunteerId()),
                  p.userId(),
                  p.staffRole(),
                  p.name(),
                  p.regionPath(),
                  groups.computeIfAbsent(p.regionPath(), this::groupName),
                  p.status(),
                  p.position(),
                  attended,
                  sum,
                  p.completedOn());
            })
        .toList();
  }

  /** The county a volunteer serves in: the discussion group of an exchange. */
  public String groupName(String regionPath) {
    String code = RegionPaths.countyCode(regionPath);
    if (code == null) {
      String[] parts = regionPath.split("/");
      code = parts[parts.length - 1];
    }
    return regions.find(code).map(RegionView::name).orElse(code);
  }

  CourseView view(CourseStore.CourseRow r) {
    String regionName = regions.find(r.regionCode()).map(RegionView::name).orElse(r.regionCode());
    return new CourseView(
        new CourseId(r.id()),
        r.title(),
        r.startsOn(),
        r.endsOn(),
        r.place(),
        r.organiser(),
        r.audience(),
        r.capacity(),
        r.requiredHours(),
        r.regionCode(),
        regionName,
        r.regionPath(),
        r.enrolled(),
        r.waiting(),
        r.completed(),
        store.modules(r.id()));
  }
}
