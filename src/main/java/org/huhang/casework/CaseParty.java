package org.huhang.casework;

import java.time.LocalDate;
import org.huhang.shared.person.Gender;

/**
 * A spouse of a case as a form or the API gives it. The identity number and phone are optional (a
 * hotline caller may not give them); when given they are checked and sealed.
 */
public record CaseParty(
    PartyRole role,
    String name,
    Gender gender,
    LocalDate birthDate,
    String idNumber,
    String phone) {

  public CaseParty {
    name = name == null ? null : name.strip();
    idNumber = idNumber == null || idNumber.isBlank() ? null : idNumber.strip();
    phone = phone == null || phone.isBlank() ? null : phone.strip();
  }

  @Override
  public String toString() {
    return "CaseParty[" + role + ", ***]";
  }
}
