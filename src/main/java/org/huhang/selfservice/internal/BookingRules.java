package org.huhang.selfservice.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.huhang.selfservice.BookSession;
import org.huhang.selfservice.HalfDaySlot;
import org.huhang.shared.DomainException.FieldProblem;
import org.huhang.shared.PlausibleDates;
import org.huhang.shared.person.Gender;
import org.huhang.shared.text.ControlCharacters;

/** What a booking form must hold, every problem at once, each naming its field. */
final class BookingRules {

  static final int NAME_MAX = 50;
  static final int MESSAGE_MAX = 500;

  private BookingRules() {}

  /**
   * A person who is afraid is never offered a joint session: its "together" is not asked (the page
   * hides it) and not kept.
   */
  static List<FieldProblem> problems(BookSession c, LocalDate today) {
    List<FieldProblem> problems = new ArrayList<>();
    if (c.topic() == null) {
      problems.add(problem("topic", "booking.topic.required"));
    }
    if (HalfDaySlot.parse(c.slot()).isEmpty()) {
      problems.add(problem("slot", "booking.slot.required"));
    }
    if (c.afraid() == null) {
      problems.add(problem("afraid", "booking.afraid.required"));
    } else if (!c.afraid() && c.together() == null) {
      problems.add(problem("together", "booking.together.required"));
    }
    problems.addAll(person(c.name(), c.gender(), c.birthDate(), today));
    if (c.message() != null) {
      if (c.message().length() > MESSAGE_MAX) {
        problems.add(
            new FieldProblem("message", "booking.message.size", new Object[] {MESSAGE_MAX}));
      } else if (ControlCharacters.present(c.message())) {
        problems.add(problem("message", "error.controlCharacter"));
      }
    }
    return problems;
  }

  /** The person who books: a name, a gender, a birth date in the past. */
  static List<FieldProblem> person(
      String name, Gender gender, LocalDate birthDate, LocalDate today) {
    List<FieldProblem> problems = new ArrayList<>();
    if (name == null || name.isEmpty()) {
      problems.add(problem("name", "booking.name.required"));
    } else if (name.length() > NAME_MAX) {
      problems.add(new FieldProblem("name", "booking.name.size", new Object[] {NAME_MAX}));
    } else if (ControlCharacters.present(name)) {
      problems.add(problem("name", "error.controlCharacter"));
    }
    if (gender == null) {
      problems.add(problem("gender", "person.gender.required"));
    }
    if (birthDate == null) {
      problems.add(problem("birthDate", "person.birthDate.required"));
    } else {
      PlausibleDates.past("birthDate", birthDate, today, "person.birthDate.future")
          .ifPresent(problems::add);
    }
    return problems;
  }

  private static FieldProblem problem(String field, String key) {
    return new FieldProblem(field, key, new Object[0]);
  }
}
