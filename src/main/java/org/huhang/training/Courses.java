package org.huhang.training;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.huhang.shared.Actor;
import org.huhang.shared.DataScope;
import org.huhang.shared.Paged;
import org.huhang.training.internal.CompletionCounts;
import org.huhang.training.internal.CourseCatalog;
import org.huhang.training.internal.CourseCounts;
import org.huhang.training.internal.CourseRegistry;
import org.huhang.training.internal.Enrollments;
import org.huhang.volunteer.VolunteerId;
import org.springframework.stereotype.Service;

/**
 * The training module's API. Everyone signed in but a registrar reads the courses of its region and
 * above; administrators run the courses of their scope. A course outside what the caller sees
 * answers 404, a move its role may not make 403.
 */
@Service
public class Courses {

  private final CourseCatalog catalog;
  private final CourseRegistry registry;
  private final Enrollments enrollments;
  private final CompletionCounts completions;
  private final CourseCounts counts;

  Courses(
      CourseCatalog catalog,
      CourseRegistry registry,
      Enrollments enrollments,
      CompletionCounts completions,
      CourseCounts counts) {
    this.counts = counts;
    this.catalog = catalog;
    this.registry = registry;
    this.enrollments = enrollments;
    this.completions = completions;
  }

  public Paged<CourseView> list(Integer page, Integer size, Actor actor) {
    return catalog.list(page, size, actor);
  }

  public CourseView get(CourseId id, Actor actor) {
    return catalog.get(id, actor);
  }

  public List<ParticipantView> participants(CourseId id, Actor actor) {
    return catalog.participants(id, actor);
  }

  /** The courses a volunteer takes or took, newest first, each with its certificate's address. */
  public List<VolunteerCourse> coursesOf(VolunteerId volunteer) {
    return catalog.coursesOf(volunteer);
  }

  /**
   * How many courses each volunteer completed in the year (absent: none). The caller has decided
   * that the actor sees these volunteers.
   */
  public java.util.Map<VolunteerId, Integer> completedIn(
      int year, java.util.Collection<VolunteerId> volunteers) {
    return completions.completedIn(year, volunteers);
  }

  /**
   * The modules of the courses the actor runs, for another module to attach material to: an
   * administrator's courses of its scope, nothing for other roles.
   */
  public List<ModuleChoice> modulesToAttach(Actor actor) {
    return catalog.modulesToAttach(actor);
  }

  public CourseId create(SaveCourse command, Actor actor) {
    return registry.create(command, actor);
  }

  public void update(CourseId id, SaveCourse command, Actor actor) {
    registry.update(id, command, actor);
  }

  public UUID addModule(CourseId id, AddModule command, Actor actor) {
    return registry.addModule(id, command, actor);
  }

  /** Removes a module entered by mistake; one with attendance recorded is refused. */
  public void removeModule(CourseId id, UUID moduleId, Actor actor) {
    registry.removeModule(id, moduleId, actor);
  }

  public ParticipantStatus enroll(CourseId id, VolunteerId volunteer, Actor actor) {
    return enrollments.enroll(id, volunteer, actor);
  }

  /** Enrolls a staff member (federation, civil-affairs) of the course's region. */
  public ParticipantStatus enrollStaff(CourseId id, UUID userId, Actor actor) {
    return enrollments.enrollStaff(id, userId, actor);
  }

  public void cancel(CourseId id, UUID participantId, Actor actor) {
    enrollments.cancel(id, participantId, actor);
  }

  /** Records a module's attendance; answers how many participants completed by it. */
  public int recordAttendance(
      CourseId id, UUID moduleId, java.util.Set<UUID> present, Actor actor) {
    return enrollments.recordAttendance(id, moduleId, present, actor);
  }

  /**
   * The courses of a region's subtree starting from {@code from} to {@code to}, with their
   * participants, by region path: for the figures.
   */
  public List<CourseCount> startingCounts(DataScope scope, LocalDate from, LocalDate to) {
    return counts.startingIn(scope, from, to);
  }
}
