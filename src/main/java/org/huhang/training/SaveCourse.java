package org.huhang.training;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/** Create or edit a course. The region (city or county) is fixed once the course exists. */
public record SaveCourse(
    @NotBlank(message = "{course.title.required}") @Size(max = 100, message = "{course.title.size}")
        String title,
    @NotNull(message = "{course.startsOn.required}") LocalDate startsOn,
    @NotNull(message = "{course.endsOn.required}") LocalDate endsOn,
    @NotBlank(message = "{course.place.required}") @Size(max = 200, message = "{course.place.size}")
        String place,
    @NotBlank(message = "{course.organiser.required}")
        @Size(max = 100, message = "{course.organiser.size}")
        String organiser,
    @Size(max = 500, message = "{course.audience.size}") String audience,
    @NotNull(message = "{course.capacity.required}")
        @Min(value = 1, message = "{course.capacity.range}")
        @Max(value = 1000, message = "{course.capacity.range}")
        Integer capacity,
    @NotNull(message = "{course.requiredHours.required}")
        @DecimalMin(value = "0.5", message = "{course.requiredHours.range}")
        @DecimalMax(value = "200", message = "{course.requiredHours.range}")
        BigDecimal requiredHours,
    @NotBlank(message = "{course.regionCode.required}") String regionCode) {

  public SaveCourse {
    title = strip(title);
    place = strip(place);
    organiser = strip(organiser);
    audience = strip(audience);
    regionCode = strip(regionCode);
  }

  private static String strip(String s) {
    return s == null ? null : s.strip();
  }

  public static SaveCourse blank(String regionCode) {
    return new SaveCourse("", null, null, "", "", "", 50, new BigDecimal("6"), regionCode);
  }

  public static SaveCourse of(CourseView c) {
    return new SaveCourse(
        c.title(),
        c.startsOn(),
        c.endsOn(),
        c.place(),
        c.organiser(),
        c.audience(),
        c.capacity(),
        c.requiredHours(),
        c.regionCode());
  }
}
