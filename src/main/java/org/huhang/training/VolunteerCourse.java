package org.huhang.training;

import java.time.LocalDate;
import java.util.UUID;

/** A course a volunteer takes or took, with where it stands; its certificate once completed. */
public record VolunteerCourse(
    CourseId courseId,
    String title,
    LocalDate startsOn,
    LocalDate endsOn,
    UUID participantId,
    ParticipantStatus status) {

  /** The certificate's address, or null before completion. */
  public String certificatePath() {
    return status == ParticipantStatus.COMPLETED
        ? "/training/courses/" + courseId + "/participants/" + participantId + "/certificate.pdf"
        : null;
  }
}
