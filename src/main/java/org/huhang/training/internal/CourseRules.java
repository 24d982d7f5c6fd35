package org.huhang.training.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.huhang.shared.DomainException;
import org.huhang.shared.DomainException.FieldProblem;
import org.huhang.shared.PlausibleDates;
import org.huhang.training.AddModule;
import org.huhang.training.ModuleKind;
import org.huhang.training.ParticipantStatus;
import org.huhang.training.SaveCourse;

/**
 * The rules of a course, without a database: what a course and a module must be, who gets a seat,
 * who moves up, and when a participant has completed. Every refusal names its field.
 */
final class CourseRules {

  /** A course runs at most two weeks: longer is a typing mistake, not a training course. */
  static final int MAX_DAYS = 14;

  private CourseRules() {}

  /** Every problem of a course form at once; {@code enrolled} seats may not be taken away. */
  static List<FieldProblem> courseProblems(SaveCourse c, LocalDate today, int enrolled) {
    List<FieldProblem> problems = new ArrayList<>();
    required(problems, "title", c.title(), 100, "course.title");
    required(problems, "place", c.place(), 200, "course.place");
    required(problems, "organiser", c.organiser(), 100, "course.organiser");
    if (c.audience() != null && c.audience().length() > 500) {
      problems.add(problem("audience", "course.audience.size"));
    }
    if (c.startsOn() == null) {
      problems.add(problem("startsOn", "course.startsOn.required"));
    } else if (c.startsOn().isBefore(PlausibleDates.EARLIEST.withYear(2000))
        || c.startsOn().isAfter(today.plusYears(2))) {
      problems.add(problem("startsOn", "course.startsOn.implausible"));
    }
    if (c.endsOn() == null) {
      problems.add(problem("endsOn", "course.endsOn.required"));
    } else if (c.startsOn() != null) {
      if (c.endsOn().isBefore(c.startsOn())) {
        problems.add(problem("endsOn", "course.endsOn.beforeStart"));
      } else if (c.endsOn().isAfter(c.startsOn().plusDays(MAX_DAYS - 1))) {
        problems.add(problem("endsOn", "course.endsOn.tooLong", MAX_DAYS));
      }
    }
    if (c.capacity() == null) {
      problems.add(problem("capacity", "course.capacity.required"));
    } else if (c.capacity() < 1 || c.capacity() > 1000) {
      problems.add(problem("capacity", "course.capacity.range"));
    } else if (c.capacity() < enrolled) {
      problems.add(problem("capacity", "course.capacity.belowEnrolled", enrolled));
    }
    BigDecimal hours = c.requiredHours();
    if (hours == null) {
      problems.add(problem("requiredHours", "course.requiredHours.required"));
    } else if (hours.compareTo(new BigDecimal("0.5")) < 0
        || hours.compareTo(new BigDecimal("200")) > 0
        || hours.stripTrailingZeros().scale() > 1) {
      problems.add(problem("requiredHours", "course.requiredHours.range"));
    }
    return problems;
  }

  /** Every problem of a module form; its day must be one of the course's days. */
  static List<FieldProblem> moduleProblems(AddModule m, LocalDate startsOn, LocalDate endsOn) {
    List<FieldProblem> problems = new ArrayList<>();
    if (m.kind() == null) {
      problems.add(problem("kind", "module.kind.required"));
    }
    required(problems, "title", m.title(), 100, "module.title");
    if (m.day() == null) {
      problems.add(problem("day", "module.day.required"));
    } else if (m.day().isBefore(startsOn) || m.day().isAfter(endsOn)) {
      problems.add(problem("day", "module.day.outside", startsOn, endsOn));
    }
    if (m.startsAt() == null) {
      problems.add(problem("startsAt", "module.startsAt.required"));
    }
    if (m.endsAt() == null) {
      problems.add(problem("endsAt", "module.endsAt.required"));
    } else if (m.startsAt() != null && !m.endsAt().isAfter(m.startsAt())) {
      problems.add(problem("endsAt", "module.endsAt.beforeStart"));
    }
    BigDecimal hours = m.hours();
    if (hours == null) {
      problems.add(problem("hours", "module.hours.required"));
    } else if (hours.compareTo(new BigDecimal("0.5")) < 0
        || hours.compareTo(new BigDecimal("12")) > 0
        || hours.stripTrailingZeros().scale() > 1) {
      problems.add(problem("hours", "module.hours.range"));
    } else if (m.startsAt() != null
        && m.endsAt() != null
        && m.endsAt().isAfter(m.startsAt())
        && hours
                .multiply(BigDecimal.valueOf(60))
                .compareTo(
                    BigDecimal.valueOf(
                        java.time.Duration.between(m.startsAt(), m.endsAt()).toMinutes()))
            > 0) {
      problems.add(problem("hours", "module.hours.longerThanSlot"));
    }
    optional(problems, "hostCenter", m.hostCenter(), 100, "module.hostCenter.size");
    optional(problems, "trainer", m.trainer(), 100, "module.trainer.size");
    optional(problems, "topic", m.topic(), 200, "module.topic.size");
    optional(problems, "groups", m.groups(), 300, "module.groups.size");
    if (m.kind() == ModuleKind.FIELD_VISIT && blank(m.hostCenter())) {
      problems.add(problem("hostCenter", "module.hostCenter.required"));
    }
    if (m.kind() == ModuleKind.EXPERT_LECTURE) {
      if (blank(m.trainer())) {
        problems.add(problem("trainer", "module.trainer.required"));
      }
      if (blank(m.topic())) {
        problems.add(problem("topic", "module.topic.required"));
      }
    }
    if (m.kind() == ModuleKind.EXPERIENCE_EXCHANGE && blank(m.groups())) {
      problems.add(problem("groups", "module.groups.required"));
    }
    return problems;
  }

  /** A new participant takes a seat while there is one, else joins the end of the waiting list. */
  static ParticipantStatus seatFor(int enrolled, int capacity) {
    return enrolled < capacity ? ParticipantStatus.ENROLLED : ParticipantStatus.WAITING;
  }

  /** How many of the waiting move up: as many as there are free seats, no more than wait. */
  static int movingUp(int enrolled, int capacity, int waiting) {
    return Math.max(0, Math.min(capacity - enrolled, waiting));
  }

  /** A participant with a seat completes when its attended hours reach the course's rule. */
  static boolean completes(ParticipantStatus status, BigDecimal attended, BigDecimal required) {
    return status == ParticipantStatus.ENROLLED && attended.compareTo(required) >= 0;
  }

  static void refuseIfAny(List<FieldProblem> problems) {
    if (!problems.isEmpty()) {
      throw new DomainException(problems);
    }
  }

  private static void required(
      List<FieldProblem> problems, String field, String value, int max, String key) {
    if (blank(value)) {
      problems.add(problem(field, key + ".required"));
    } else if (value.length() > max) {
      problems.add(problem(field, key + ".size"));
    }
  }

  private static void optional(
      List<FieldProblem> problems, String field, String value, int max, String key) {
    if (value != null && value.length() > max) {
      problems.add(problem(field, key));
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static FieldProblem problem(String field, String key, Object... args) {
    return new FieldProblem(field, key, args);
  }
}
