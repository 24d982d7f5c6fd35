package org.huhang.shared.person;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.huhang.shared.DomainException.FieldProblem;
import org.huhang.shared.PlausibleDates;

/**
 * The rule every record of a person applies: gender and birth date are given, the resident identity
 * number is valid, and it agrees with both (the 17th digit odd for men, digits 7–14 the birth
 * date). One implementation for volunteers, the parties of an application and every later record of
 * a person; the problems name the fields under a prefix ("partyA." or "").
 */
public final class PersonCheck {

  private PersonCheck() {}

  public static List<FieldProblem> identity(
      String prefix, Gender gender, LocalDate birthDate, String idNumber, LocalDate today) {
    List<FieldProblem> problems = new ArrayList<>();
    if (gender == null) {
      problems.add(problem(prefix + "gender", "person.gender.required"));
    }
    if (birthDate == null) {
      problems.add(problem(prefix + "birthDate", "person.birthDate.required"));
    } else {
      PlausibleDates.past(prefix + "birthDate", birthDate, today, "person.birthDate.future")
          .ifPresent(problems::add);
    }
    try {
      ResidentIdNumber id = ResidentIdNumber.parse(idNumber, today);
      if (gender != null && gender != id.gender()) {
        problems.add(problem(prefix + "gender", "person.gender.mismatch"));
      }
      if (birthDate != null && !birthDate.equals(id.birthDate())) {
        problems.add(
            new FieldProblem(
                prefix + "birthDate",
                "person.birthDate.mismatch",
                new Object[] {id.birthDate().toString()}));
      }
    } catch (ResidentIdNumber.Invalid e) {
      problems.add(problem(prefix + "idNumber", e.problem().messageKey()));
    }
    return problems;
  }

  private static FieldProblem problem(String field, String key) {
    return new FieldProblem(field, key, new Object[0]);
  }
}
