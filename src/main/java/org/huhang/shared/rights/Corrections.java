package org.huhang.shared.rights;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.huhang.shared.DomainException;
import org.huhang.shared.PlausibleDates;
import org.huhang.shared.person.Gender;
import org.huhang.shared.person.PhoneNumber;

/**
 * The new value of a corrected detail read from what the form sent, before the owning module
 * applies its own rules to it; a value that cannot be read is refused naming its field.
 */
public final class Corrections {

  private Corrections() {}

  /** A phone: required (a correction replaces, it does not erase) and readable. */
  public static PhoneNumber phone(String value) {
    var problem = PhoneNumber.check(value, true);
    if (problem.isPresent()) {
      throw DomainException.of(PersonField.PHONE.code(), problem.get().messageKey());
    }
    return PhoneNumber.parse(value).orElseThrow();
  }

  /** A mobile number: the one a family proved with a code, and may prove again. */
  public static PhoneNumber mobile(String value) {
    PhoneNumber phone = phone(value);
    if (!phone.mobile()) {
      throw DomainException.of(PersonField.PHONE.code(), "rights.correct.mobileOnly");
    }
    return phone;
  }

  public static Gender gender(String value) {
    if (value == null || value.isBlank()) {
      throw DomainException.of(PersonField.GENDER.code(), "person.gender.required");
    }
    try {
      return Gender.valueOf(value.strip());
    } catch (IllegalArgumentException e) {
      throw DomainException.of(PersonField.GENDER.code(), "person.gender.required");
    }
  }

  /** A birth date as a date field sends it (yyyy-MM-dd), on or before today. */
  public static LocalDate birthDate(String value, LocalDate today) {
    String field = PersonField.BIRTH_DATE.code();
    if (value == null || value.isBlank()) {
      throw DomainException.of(field, "person.birthDate.required");
    }
    LocalDate date;
    try {
      date = LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw DomainException.of(field, "rights.correct.date");
    }
    var problem = PlausibleDates.past(field, date, today, "person.birthDate.future");
    if (problem.isPresent()) {
      throw new DomainException(List.of(problem.get()));
    }
    return date;
  }
}
