package org.huhang.growth;

import java.time.LocalDate;
import java.util.List;
import org.huhang.volunteer.ExpiringCertificate;
import org.huhang.volunteer.VolunteerYear;

/**
 * A manager's view of the volunteers in its care: each with its hours and courses completed this
 * year, and the certificates run out or running out within {@link QualificationState#WARNING_DAYS}.
 */
public record GrowthOverview(
    int year, LocalDate today, List<Row> volunteers, List<ExpiringCertificate> certificates) {

  public record Row(VolunteerYear volunteer, int coursesCompleted) {}
}
