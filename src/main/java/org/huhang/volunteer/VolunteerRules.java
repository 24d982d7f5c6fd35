package org.huhang.volunteer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.huhang.shared.DomainException.FieldProblem;
import org.huhang.shared.person.PersonCheck;
import org.huhang.shared.person.PhoneNumber;

/** The field rules of a volunteer record: one implementation for form, API and import. */
public final class VolunteerRules {

  private VolunteerRules() {}

  public static List<FieldProblem> check(
      RegisterVolunteer v, LocalDate today, Set<String> knownSpecialities) {
    List<FieldProblem> problems = new ArrayList<>();
    if (v.name() == null || v.name().isBlank()) {
      problems.add(p("name", "volunteer.name.required"));
    } else if (v.name().length() > 50) {
      problems.add(p("name", "volunteer.name.size"));
    }
    problems.addAll(PersonCheck.identity("", v.gender(), v.birthDate(), v.idNumber(), today));
    PhoneNumber.check(v.phone(), true).ifPresent(pr -> problems.add(p("phone", pr.messageKey())));
    if (v.background() == null) {
      problems.add(p("background", "volunteer.background.required"));
    }
    for (String s : v.specialities()) {
      if (!knownSpecialities.contains(s)) {
        problems.add(p("specialities", "volunteer.speciality.unknown", s));
      }
    }
    if (v.dialects().length() > 200) {
      problems.add(p("dialects", "volunteer.dialects.size"));
    }
    if (v.centerId() == null) {
      problems.add(p("centerId", "volunteer.center.required"));
    }
    if (v.status() == null) {
      problems.add(p("status", "volunteer.status.required"));
    }
    if (v.joinedOn() == null) {
      problems.add(p("joinedOn", "volunteer.joinedOn.required"));
    } else if (v.joinedOn().isAfter(today)) {
      problems.add(p("joinedOn", "volunteer.joinedOn.future"));
    }
    return problems;
  }

  private static FieldProblem p(String field, String key, Object... args) {
    return new FieldProblem(field, key, args);
  }
}
