package org.huhang.training.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.huhang.audit.AuditTrail;
import org.huhang.identity.UserRef;
import org.huhang.identity.Users;
import org.huhang.shared.Actor;
import org.huhang.shared.DataScope;
import org.huhang.shared.DomainException;
import org.huhang.shared.NotFoundException;
import org.huhang.shared.Role;
import org.huhang.training.CourseId;
import org.huhang.training.ModuleView;
import org.huhang.training.ParticipantStatus;
import org.huhang.training.ParticipantView;
import org.huhang.volunteer.VolunteerId;
import org.huhang.volunteer.VolunteerRef;
import org.huhang.volunteer.Volunteers;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Enrollment, the waiting list, attendance and completion. Every move on a course's participants
 * first takes the course's row lock, so that two enrollments never take the last seat together and
 * a cancellation moves exactly the first waiting up. Completion adds the attended hours to the
 * volunteer's record once per participant (and the volunteer module refuses a repeat of a day).
 */
@Service
public class Enrollments {

  private final CourseStore store;
  private final CourseCatalog catalog;
  private final Volunteers volunteers;
  private final Users users;
  private final AuditTrail audit;
  private final MessageSource messages;
  private final Clock clock;
  private final CourseReminders reminders;

  Enrollments(
      CourseStore store,
      CourseCatalog catalog,
      Volunteers volunteers,
      Users users,
      AuditTrail audit,
      MessageSource messages,
      Clock clock,
      CourseReminders reminders) {
    this.store = store;
    this.catalog = catalog;
    this.volunteers = volunteers;
    this.users = users;
    this.audit = audit;
    this.messages = messages;
    this.clock = clock;
    this.reminders = reminders;
  }

  /** The active volunteers of the course's region not yet seated or waiting, to choose from. */
  @Transactional(readOnly = true)
  public List<VolunteerRef> candidates(CourseId id, Actor actor) {
    CourseStore.CourseRow row = catalog.managed(id, actor);
    Set<UUID> taken =
        store.participants(id.value()).stream()
            .filter(p -> p.status() != ParticipantStatus.CANCELLED && p.volunteerId() != null)
            .map(CourseStore.ParticipantRow::volunteerId)
            .collect(java.util.stream.Collectors.toSet());
    return volunteers.activeIn(row.regionPath()).stream()
        .filter(v -> !taken.contains(v.id().value()))
        .toList();
  }

  /**
   * The roles of the staff a course is also for: federation staff (administrators, center
   * managers), civil-affairs registrars and analysts. Counselors are volunteers and enroll as such.
   */
  static final List<Role> STAFF_ROLES =
      List.of(
          Role.CITY_ADMIN, Role.COUNTY_ADMIN, Role.CENTER_MANAGER, Role.REGISTRAR, Role.ANALYST);

  /** The enabled staff users of the course's region not yet seated or waiting, to choose from. */
  @Transactional(readOnly = true)
  public List<UserRef> staffCandidates(CourseId id, Actor actor) {
    CourseStore.CourseRow row = catalog.managed(id, actor);
    Set<UUID> taken =
        store.participants(id.value()).stream()
            .filter(p -> p.status() != ParticipantStatus.CANCELLED && p.userId() != null)
            .map(CourseStore.ParticipantRow::userId)
            .collect(java.util.stream.Collectors.toSet());
    DataScope scope = new DataScope(row.regionPath());
    return STAFF_ROLES.stream()
        .flatMap(r -> users.withRole(r, scope).stream())
        .filter(u -> !taken.contains(u.id()))
        .sorted(
            java.util.Comparator.comparing(UserRef::regionPath).thenComparing(UserRef::username))
        .toList();
  }

  /**
   * Enrolls a staff member of the course's region (any role but counselor), with the same seats and
   * waiting list as volunteers. Staff have no hours record: completion gives a certificate.
   */
  @Transactional
  public ParticipantStatus enrollStaff(CourseId id, UUID userId, Actor actor) {
    CourseStore.CourseRow row = catalog.managed(id, actor);
    if (userId == null) {
      throw DomainException.of("userId", "participant.staff.required");
    }
    UserRef user =
        users
            .find(userId)
            .filter(
                u ->
                    u.enabled()
                        && STAFF_ROLES.contains(u.role())
                        && u.regionPath().startsWith(row.regionPath()))
            .orElseThrow(() -> DomainException.of("userId", "participant.staff.invalid"));
    store.lock(id.value());
    Optional<CourseStore.ParticipantRow> existing = store.participantOfUser(id.value(), userId);
    String name = user.displayName() == null ? user.username() : user.displayName();
    if (existing.isPresent() && existing.get().status() != ParticipantStatus.CANCELLED) {
      throw DomainException.of("userId", "participant.volunteer.already", name);
    }
    ParticipantStatus status = nextStatus(row);
    if (existing.isPresent()) {
      store.reenroll(existing.get().id(), status, clock.instant());
    } else {
      store.insertParticipant(
          UUID.randomUUID(),
          id.value(),
          null,
          userId,
          user.role(),
          name,
          user.regionPath(),
          status,
          clock.instant());
    }
    audit.recordWrite("training.enroll", "training-course", id.toString());
    if (status == ParticipantStatus.ENROLLED) {
      reminders.enrolled(row, userId);
    }
    return status;
  }

  /** A seat while there is one and nobody waits, else the end of the waiting list. */
  private ParticipantStatus nextStatus(CourseStore.CourseRow row) {
    int seated =
        store.countWithStatus(row.id(), ParticipantStatus.ENROLLED, ParticipantStatus.COMPLETED);
    int waiting = store.countWithStatus(row.id(), ParticipantStatus.WAITING);
    // Nobody jumps the queue: with people waiting, a new one waits too.
    return waiting > 0 ? ParticipantStatus.WAITING : CourseRules.seatFor(seated, row.capacity());
  }

  /**
   * Enrolls an active volunteer of the course's region: a seat while there is one, else the end of
   * the waiting list. Answers where it stands.
   */
  @Transactional
  public ParticipantStatus enroll(CourseId id, VolunteerId volunteerId, Actor actor) {
    CourseStore.CourseRow row = catalog.managed(id, actor);
    if (volunteerId == null) {
      throw DomainException.of("volunteerId", "participant.volunteer.required");
    }
    VolunteerRef volunteer =
        volunteers
            .ref(volunteerId)
            .filter(v -> v.active() && v.regionPath().startsWith(row.regionPath()))
            .orElseThrow(() -> DomainException.of("volunteerId", "participant.volunteer.invalid"));
    store.lock(id.value());
    Optional<CourseStore.ParticipantRow> existing =
        store.participantOf(id.value(), volunteerId.value());
    if (existing.isPresent() && existing.get().status() != ParticipantStatus.CANCELLED) {
      throw DomainException.of("volunteerId", "participant.volunteer.already", volunteer.name());
    }
    ParticipantStatus status = nextStatus(row);
    if (existing.isPresent()) {
      store.reenroll(existing.get().id(), status, clock.instant());
    } else {
      store.insertParticipant(
          UUID.randomUUID(),
          id.value(),
          volunteerId.value(),
          null,
          null,
          volunteer.name(),
          volunteer.regionPath(),
          status,
          clock.instant());
    }
    audit.recordWrite("training.enroll", "training-course", id.toString());
    if (status == ParticipantStatus.ENROLLED && volunteer.userId() != null) {
      reminders.enrolled(row, volunteer.userId());
    }
    return status;
  }

  /**
   * Cancels a seat or a place on the waiting list; a freed seat goes to the first waiting, in the
   * same transaction. A completed participant stays completed.
   */
  @Transactional
  public void cancel(CourseId id, UUID participantId, Actor actor) {
    CourseStore.CourseRow row = catalog.managed(id, actor);
    store.lock(id.value());
    CourseStore.ParticipantRow p =
        store
            .participant(id.value(), participantId)
            .orElseThrow(() -> new NotFoundException("participant"));
    if (p.status() == ParticipantStatus.COMPLETED) {
      throw DomainException.of(null, "participant.cancel.completed");
    }
    if (p.status() == ParticipantStatus.CANCELLED) {
      throw DomainException.of(null, "participant.cancel.already");
    }
    store.setStatus(participantId, ParticipantStatus.CANCELLED);
    moveUp(id.value(), row.capacity());
    audit.recordWrite("training.cancel", "training-course", id.toString());
  }

  /** Seats the first of the waiting list while seats are free; the caller holds the lock. */
  void moveUp(UUID courseId, int capacity) {
    store.lock(courseId);
    int seated =
        store.countWithStatus(courseId, ParticipantStatus.ENROLLED, ParticipantStatus.COMPLETED);
    int waiting = store.countWithStatus(courseId, ParticipantStatus.WAITING);
    store
        .firstWaiting(courseId, CourseRules.movingUp(seated, capacity, waiting))
        .forEach(p -> store.setStatus(p, ParticipantStatus.ENROLLED));
  }

  /**
   * Records who attended a module: {@code present} are the participants there, every other seated
   * participant was absent. A module of a day still to come is refused; a completed participant's
   * attendance stays as it was (its hours are on its record). Then completes whoever reached the
   * course's rule.
   */
  @Transactional
  public int recordAttendance(CourseId id, UUID moduleId, Set<UUID> present, Actor actor) {
    CourseStore.CourseRow row = catalog.managed(id, actor);
    store.lock(id.value());
    List<ModuleView> modules = store.modules(id.value());
    ModuleView module =
        modules.stream()
            .filter(m -> m.id().equals(moduleId))
            .findFirst()
            .orElseThrow(() -> new NotFoundException("module"));
    if (module.day().isAfter(LocalDate.now(clock))) {
      throw DomainException.of(null, "attendance.future", module.day());
    }
    Set<UUID> already = new java.util.HashSet<>();
    store
        .attendance(id.value())
        .forEach(
            (p, ms) -> {
              if (ms.contains(moduleId)) {
                already.add(p);
              }
            });
    for (CourseStore.ParticipantRow p : store.participants(id.value())) {
      if (p.status() == ParticipantStatus.ENROLLED) {
        store.setAttendance(
            p.id(), moduleId, present.contains(p.id()), actor.username(), clock.instant());
      } else if (p.status() == ParticipantStatus.COMPLETED
          && present.contains(p.id())
          && !already.contains(p.id())) {
        // Completed already: the hours of a module attended after it go on the record at once;
        // hours on the record are never taken back, so a completed participant is never unticked.
        store.setAttendance(p.id(), moduleId, true, actor.username(), clock.instant());
        if (p.volunteerId() != null) {
          creditModule(row, new VolunteerId(p.volunteerId()), module, actor);
        }
      }
    }
    audit.recordWrite("training.attendance", "training-course", id.toString());
    return completeReached(row, modules, actor);
  }

  /** Completes the seated participants whose attended hours reach the rule; answers how many. */
  private int completeReached(CourseStore.CourseRow row, List<ModuleView> modules, Actor actor) {
    int completed = 0;
    for (ParticipantView p : catalog.participants(row.id(), modules)) {
      if (!CourseRules.completes(p.status(), p.attendedHours(), row.requiredHours())) {
        continue;
      }
      List<ModuleView> attended =
          modules.stream().filter(m -> p.attended().contains(m.id())).toList();
      LocalDate on =
          attended.stream().map(ModuleView::day).max(LocalDate::compareTo).orElse(row.endsOn());
      store.complete(p.id(), on);
      credit(row, p, attended, actor);
      completed++;
    }
    return completed;
  }

  /**
   * Adds the attended modules' hours to the volunteer's record: once per participant. Staff have no
   * hours record.
   */
  private void credit(
      CourseStore.CourseRow row, ParticipantView p, List<ModuleView> attended, Actor actor) {
    if (p.volunteerId() == null || !store.markCredited(p.id())) {
      return;
    }
    attended.forEach(m -> creditModule(row, p.volunteerId(), m, actor));
  }

  /**
   * One module's hours as one line of the volunteer's hours log; its description names the course
   * and the module, so the volunteer module adds the same line never twice.
   */
  private void creditModule(
      CourseStore.CourseRow row, VolunteerId volunteer, ModuleView m, Actor actor) {
    String description =
        messages.getMessage(
            "training.hours.description",
            new Object[] {row.title(), m.title(), row.id().toString().substring(0, 8)},
            Locale.SIMPLIFIED_CHINESE);
    if (description.length() > 200) {
      description = description.substring(0, 200);
    }
    volunteers.addTrainingHours(volunteer, m.day(), m.hours(), description, actor);
  }
}
