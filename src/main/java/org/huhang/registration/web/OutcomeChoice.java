package org.huhang.registration.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.huhang.shared.DomainException;
import org.huhang.shared.DomainException.FieldProblem;

/**
 * What the registrar chose on the outcome form, as typed: which outcome, the day and, for a
 * withdrawal, who withdrew. Kept as text so that a refused form shows it again unchanged.
 */
public record OutcomeChoice(String kind, String on, String by) {

  static final String WITHDRAW = "WITHDRAW";
  static final String CERTIFICATE = "CERTIFICATE";

  public OutcomeChoice {
    kind = kind == null ? "" : kind.strip();
    on = on == null ? "" : on.strip();
    by = by == null || by.isBlank() ? "BOTH" : by.strip();
  }

  static OutcomeChoice none() {
    return new OutcomeChoice("", "", "BOTH");
  }

  public boolean certificate() {
    return CERTIFICATE.equals(kind);
  }

  public boolean withdrawal() {
    return WITHDRAW.equals(kind);
  }

  /** The day, once the choice is complete; every missing or unreadable part refused at once. */
  LocalDate day() {
    List<FieldProblem> problems = new ArrayList<>();
    if (!certificate() && !withdrawal()) {
      problems.add(new FieldProblem("kind", "application.outcome.kind.required", new Object[0]));
    }
    LocalDate day = null;
    if (on.isEmpty()) {
      problems.add(new FieldProblem("on", "application.on.required", new Object[0]));
    } else {
      try {
        day = LocalDate.parse(on);
      } catch (DateTimeParseException e) {
        problems.add(new FieldProblem("on", "import.row.date", new Object[] {on}));
      }
    }
    if (!problems.isEmpty()) {
      throw new DomainException(problems);
    }
    return day;
  }
}
