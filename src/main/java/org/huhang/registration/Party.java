package org.huhang.registration;

import java.time.LocalDate;
import org.huhang.shared.person.Gender;

/** One of the two parties as the registrar enters them. */
public record Party(
    String name, Gender gender, LocalDate birthDate, String idNumber, String phone) {

  public Party {
    name = name == null ? null : name.strip();
    idNumber = idNumber == null ? null : idNumber.strip();
    phone = phone == null || phone.isBlank() ? null : phone.strip();
  }

  @Override
  public String toString() {
    return "Party[***]";
  }
}
