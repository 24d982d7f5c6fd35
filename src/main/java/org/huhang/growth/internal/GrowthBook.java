package org.huhang.growth.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.huhang.growth.ChangeAvailability;
import org.huhang.growth.GrowthOverview;
import org.huhang.growth.GrowthRecord;
import org.huhang.growth.QualificationState;
import org.huhang.outreach.OutreachVolunteers;
import org.huhang.shared.Actor;
import org.huhang.training.Courses;
import org.huhang.volunteer.VolunteerDetail;
import org.huhang.volunteer.VolunteerId;
import org.huhang.volunteer.VolunteerYear;
import org.huhang.volunteer.Volunteers;
import org.springframework.stereotype.Service;

/**
 * Puts a volunteer's growth page together from the modules that keep each part. Who may read whom
 * is decided first — the own record by the account's link, another's by the volunteer module's
 * scope (403, 404) — and only then are the parts read by the volunteer's id.
 */
@Service
public class GrowthBook {

  private final Volunteers volunteers;
  private final Courses courses;
  private final OutreachVolunteers outreach;
  private final Clock clock;

  GrowthBook(Volunteers volunteers, Courses courses, OutreachVolunteers outreach, Clock clock) {
    this.volunteers = volunteers;
    this.courses = courses;
    this.outreach = outreach;
    this.clock = clock;
  }

  public boolean mayOversee(Actor actor) {
    return volunteers.mayManage(actor);
  }

  public Optional<GrowthRecord> own(Actor actor) {
    return volunteers.own(actor).map(v -> record(v, true, actor));
  }

  public GrowthRecord of(VolunteerId id, Actor actor) {
    return record(volunteers.detail(id, actor), false, actor);
  }

  public void changeOwnAvailability(ChangeAvailability command, Actor actor) {
    volunteers.changeOwnAvailability(command.slots(), actor);
  }

  public GrowthOverview overview(Actor actor) {
    LocalDate today = LocalDate.now(clock);
    int year = today.getYear();
    List<VolunteerYear> rows = volunteers.year(year, actor);
    Map<VolunteerId, Integer> completed =
        courses.completedIn(year, rows.stream().map(VolunteerYear::id).toList());
    return new GrowthOverview(
        year,
        today,
        rows.stream()
            .map(r -> new GrowthOverview.Row(r, completed.getOrDefault(r.id(), 0)))
            .toList(),
        volunteers.certificatesRunningOut(QualificationState.WARNING_DAYS, actor));
  }

  private GrowthRecord record(VolunteerDetail v, boolean own, Actor actor) {
    LocalDate today = LocalDate.now(clock);
    return new GrowthRecord(
        v,
        own,
        today,
        v.qualifications().stream()
            .map(
                q ->
                    new GrowthRecord.CheckedQualification(
                        q, QualificationState.of(q.expiresOn(), today)))
            .toList(),
        volunteers.hoursByYear(v.id()),
        courses.coursesOf(v.id()),
        outreach.eventsSpokenBy(v.id(), actor),
        outreach.projectsOf(v.id(), actor),
        outreach.honoursOf(v.id(), actor));
  }
}
