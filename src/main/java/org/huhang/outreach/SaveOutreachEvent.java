package org.huhang.outreach;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.huhang.center.CenterId;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * Record or edit an outreach event. {@code speakers} are names as typed (volunteers and outside
 * experts), blank ones dropped; {@code version} is the version the editor read (null for a new
 * event).
 */
public record SaveOutreachEvent(
    @NotNull(message = "{outreach.type.required}") OutreachType type,
    @NotBlank(message = "{outreach.title.required}")
        @Size(max = 100, message = "{outreach.title.size}")
        String title,
    @NotNull(message = "{outreach.heldOn.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        LocalDate heldOn,
    @NotNull(message = "{outreach.startsAt.required}")
        @DateTimeFormat(iso = DateTimeFormat.ISO.TIME)
        LocalTime startsAt,
    @NotBlank(message = "{outreach.regionCode.required}") String regionCode,
    @NotBlank(message = "{outreach.place.required}")
        @Size(max = 200, message = "{outreach.place.size}")
        String place,
    CenterId centerId,
    @Size(max = 20, message = "{outreach.speakers.count}") List<String> speakers,
    @Size(max = 200, message = "{outreach.audience.size}") String audience,
    @NotNull(message = "{outreach.attendance.required}")
        @Min(value = 0, message = "{outreach.attendance.range}")
        @Max(value = 100000, message = "{outreach.attendance.range}")
        Integer attendance,
    @Size(max = 500, message = "{outreach.summary.size}") String summary,
    Long version) {

  public SaveOutreachEvent {
    title = strip(title);
    regionCode = strip(regionCode);
    place = strip(place);
    audience = strip(audience);
    summary = strip(summary);
    List<String> names = new ArrayList<>();
    if (speakers != null) {
      for (String s : speakers) {
        if (s != null && !s.isBlank()) {
          names.add(s.strip());
        }
      }
    }
    speakers = List.copyOf(names);
  }

  private static String strip(String s) {
    return s == null ? null : s.strip();
  }

  public static SaveOutreachEvent blank(String regionCode, LocalDate today) {
    return new SaveOutreachEvent(
        OutreachType.PREMARITAL_EDUCATION,
        "",
        today,
        LocalTime.of(9, 0),
        regionCode,
        "",
        null,
        List.of(),
        "",
        null,
        "",
        null);
  }

  public static SaveOutreachEvent of(OutreachEventView e) {
    return new SaveOutreachEvent(
        e.type(),
        e.title(),
        e.heldOn(),
        e.startsAt(),
        e.regionCode(),
        e.place(),
        e.centerId(),
        e.speakers(),
        e.audience(),
        e.attendance(),
        e.summary(),
        e.version());
  }
}
