package org.huhang.volunteer.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.huhang.shared.person.Gender;
import org.huhang.volunteer.Background;
import org.huhang.volunteer.HalfDay;
import org.huhang.volunteer.RegisterVolunteer;
import org.huhang.volunteer.VolunteerDetail;
import org.huhang.volunteer.VolunteerStatus;

/**
 * The volunteer form as the browser sends it: the identity number and phone are typed anew on every
 * edit (they are never sent to the page whole).
 */
public record VolunteerForm(
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

  public VolunteerForm {
    specialities = specialities == null ? new ArrayList<>() : specialities;
    availability = availability == null ? new ArrayList<>() : availability;
  }

  static VolunteerForm blank(LocalDate today) {
    return new VolunteerForm(
        "",
        null,
        null,
        "",
        "",
        null,
        List.of(),
        "",
        List.of(),
        null,
        VolunteerStatus.ACTIVE,
        today,
        null);
  }

  static VolunteerForm of(VolunteerDetail v) {
    return new VolunteerForm(
        v.name(),
        v.gender(),
        v.birthDate(),
        "",
        "",
        v.background(),
        v.specialities(),
        String.join("、", v.dialects()),
        List.copyOf(v.availability()),
        v.centerId(),
        v.status(),
        v.joinedOn(),
        v.userId());
  }

  RegisterVolunteer command() {
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
        userId);
  }

  public boolean has(String speciality) {
    return specialities.contains(speciality);
  }

  public boolean available(HalfDay slot) {
    return availability.contains(slot);
  }
}
