package org.huhang.volunteer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.huhang.shared.person.Gender;

/** One volunteer with everything the volunteer page shows; identity number and phone masked. */
public record VolunteerDetail(
    VolunteerId id,
    String name,
    Gender gender,
    LocalDate birthDate,
    String idNumberMasked,
    String phoneMasked,
    Background background,
    List<String> specialities,
    List<String> dialects,
    Set<HalfDay> availability,
    UUID centerId,
    String centerName,
    String regionPath,
    VolunteerStatus status,
    LocalDate joinedOn,
    UUID userId,
    String username,
    List<Qualification> qualifications,
    BigDecimal serviceHours,
    BigDecimal trainingHours,
    List<HoursEntry> recentHours) {}
