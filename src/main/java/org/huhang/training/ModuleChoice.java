package org.huhang.training;

import java.time.LocalDate;
import java.util.UUID;

/** A module of a course the actor runs, as another module offers it for a choice. */
public record ModuleChoice(
    UUID moduleId, CourseId courseId, String courseTitle, String moduleTitle, LocalDate day) {

  public String label() {
    return courseTitle + " · " + moduleTitle;
  }
}
