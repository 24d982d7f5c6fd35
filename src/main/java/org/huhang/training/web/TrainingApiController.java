package org.huhang.training.web;

import org.huhang.shared.Actor;
import org.huhang.shared.Paged;
import org.huhang.training.CourseId;
import org.huhang.training.CourseView;
import org.huhang.training.Courses;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Training courses under /api/v1/training/courses: those of the caller's region and above. */
@RestController
@RequestMapping("/api/v1/training/courses")
class TrainingApiController {

  private final Courses courses;

  TrainingApiController(Courses courses) {
    this.courses = courses;
  }

  @GetMapping
  Paged<CourseView> list(
      Actor actor,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    return courses.list(page, size, actor);
  }

  @GetMapping("/{id}")
  CourseView get(@PathVariable CourseId id, Actor actor) {
    return courses.get(id, actor);
  }
}
