package org.huhang.volunteer;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.huhang.shared.person.Gender;

/**
 * Register or edit a volunteer: bound straight from the form (specialities and availability as
 * repeated parameters, dates ISO) and from JSON. Presence and format are not checked here: the
 * volunteer record's rules check them, the same for the form, the API and the Excel import. On an
 * edit an empty identity number or phone keeps the stored one.
 */
public record RegisterVolunteer(
    String name,
    Gender gender,
    LocalDate birthDate,
    String idNumber,
    String phone,
    Background background,
    List<String> specialities,
    String dialects,
    List<HalfDay> availability,
    UUID centerId,
    VolunteerStatus status,
    LocalDate joinedOn,
    UUID userId) {

  public RegisterVolunteer {
    name = name == null ? null : name.strip();
    idNumber = idNumber == null ? null : idNumber.strip();
    phone = phone == null ? null : phone.strip();
    dialects = dialects == null ? "" : dialects.strip();
    specialities =
        specialities == null ? List.of() : specialities.stream().filter(Objects::nonNull).toList();
    availability =
        availability == null ? List.of() : availability.stream().filter(Objects::nonNull).toList();
  }

  /** Dialects as typed, split on Chinese or Latin commas and separators. */
  public List<String> dialectList() {
    return java.util.Arrays.stream(dialects.split("[,，、;；\\s]+"))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .distinct()
        .toList();
  }

  @Override
  public String toString() {
    return "RegisterVolunteer[center=" + centerId + "]";
  }

  /** The same volunteer, linked to a counselor account (null: none). */
  public RegisterVolunteer linkedTo(UUID account) {
    return new RegisterVolunteer(
        name,
        gender,
        birthDate,
        idNumber,
        phone,
        background,
        specialities,
        dialects,
        availability,
        centerId,
        status,
        joinedOn,
        account);
  }
}
