package org.huhang.volunteer.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.huhang.audit.AuditTrail;
import org.huhang.shared.Actor;
import org.huhang.shared.DomainException.FieldProblem;
import org.huhang.volunteer.AddQualification;
import org.huhang.volunteer.HoursEntry;
import org.huhang.volunteer.LogHours;
import org.huhang.volunteer.Qualification;
import org.huhang.volunteer.VolunteerId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A volunteer's certificates and hours: recorded here, warned about when they run out. */
@Service
public class VolunteerRecords {

  private final VolunteerRepository volunteers;
  private final QualificationRepository qualifications;
  private final HoursLog hours;
  private final VolunteerQueries queries;
  private final VolunteerPolicy policy;
  private final AuditTrail audit;
  private final Clock clock;

  VolunteerRecords(
      VolunteerRepository volunteers,
      QualificationRepository qualifications,
      HoursLog hours,
      VolunteerQueries queries,
      VolunteerPolicy policy,
      AuditTrail audit,
      Clock clock) {
    this.volunteers = volunteers;
    this.qualifications = qualifications;
    this.hours = hours;
    this.queries = queries;
    this.policy = policy;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional
  public Qualification addQualification(VolunteerId id, AddQualification command, Actor actor) {
    Volunteer volunteer = volunteers.visible(id.value(), policy.scope(actor));
    VolunteerQualification q = qualifications.save(volunteer.addQualification(command));
    audit.recordWrite("volunteer.qualification", "volunteer", id.toString());
    return q.view();
  }

  /** The certificate form's problems, for a page that could not read every field. */
  public List<FieldProblem> problems(AddQualification command) {
    return Volunteer.problems(command);
  }

  /** The hours form's problems, for a page that could not read every field. */
  public List<FieldProblem> problems(LogHours command) {
    return Volunteer.problems(command, LocalDate.now(clock));
  }

  @Transactional
  public HoursEntry logHours(VolunteerId id, LogHours command, Actor actor) {
    Volunteer volunteer = volunteers.visible(id.value(), policy.scope(actor));
    VolunteerHours entry =
        hours.save(
            volunteer.logHours(command, LocalDate.now(clock), actor.username(), clock.instant()));
    audit.recordWrite("volunteer.hours", "volunteer", id.toString());
    return entry.view();
  }

  /** Certificates of volunteers in the actor's care that expire within the next {@code days}. */
  @Transactional(readOnly = true)
  List<ExpiringQualification> expiringQualifications(Actor actor, int days) {
    if (!policy.mayManage(actor)) {
      return List.of();
    }
    VolunteerPolicy.Scope scope = policy.scope(actor);
    if (scope.nothing()) {
      return List.of();
    }
    LocalDate today = LocalDate.now(clock);
    return queries.expiring(scope, today, today.plusDays(days));
  }
}
