package org.huhang.volunteer;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.huhang.shared.person.Gender;

/**
 * Register or edit a volunteer. Bean validation only checks presence; the rules that need the
 * calendar, the ID number or the data scope live in {@link VolunteerRules}, shared by the form, the
 * API and the Excel import.
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
    specialities = specialities == null ? List.of() : List.copyOf(specialities);
    availability = availability == null ? List.of() : List.copyOf(availability);
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
}
