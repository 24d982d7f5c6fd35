package org.huhang.growth;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.huhang.outreach.ServedProject;
import org.huhang.outreach.SpokenEvent;
import org.huhang.outreach.VolunteerHonour;
import org.huhang.training.VolunteerCourse;
import org.huhang.volunteer.Qualification;
import org.huhang.volunteer.VolunteerDetail;
import org.huhang.volunteer.YearHours;

/**
 * A volunteer's growth page: its record, certificates with where they stand, hours by year,
 * courses, events and projects with their honours. {@code own}: the reader is the volunteer itself
 * (it may change its availability and download its certificates).
 */
public record GrowthRecord(
    VolunteerDetail volunteer,
    boolean own,
    LocalDate today,
    List<CheckedQualification> qualifications,
    List<YearHours> years,
    List<VolunteerCourse> courses,
    List<SpokenEvent> events,
    List<ServedProject> projects,
    List<VolunteerHonour> honours) {

  /** A certificate with where it stands today. */
  public record CheckedQualification(Qualification qualification, QualificationState state) {}

  /** The certificates run out or running out within the warning window. */
  public List<CheckedQualification> warnings() {
    return qualifications.stream().filter(q -> q.state().warns()).toList();
  }

  public BigDecimal serviceTotal() {
    return years.stream().map(YearHours::service).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  public BigDecimal trainingTotal() {
    return years.stream().map(YearHours::training).reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
