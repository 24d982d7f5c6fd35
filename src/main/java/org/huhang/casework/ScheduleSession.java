package org.huhang.casework;

import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * Schedules a session of a case. {@code scheduledAt} is the wall time in China ({@code
 * 2026-12-01T09:30}); the channel defaults to in person, the duration to an hour, the counselors to
 * the case's whole current team. A joint session ({@code BOTH}) passes the safety rules first.
 */
public record ScheduleSession(
    // China wall time only: a zone or offset ("…Z", "+08:00") is refused, never silently dropped.
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
        @com.fasterxml.jackson.annotation.JsonFormat(pattern = "uuuu-MM-dd'T'HH:mm[:ss]")
        LocalDateTime scheduledAt,
    Integer durationMinutes,
    SessionChannel channel,
    String place,
    Attendees attendees,
    Boolean relativesPresent,
    List<UUID> counselors) {

  public ScheduleSession {
    channel = channel == null ? SessionChannel.IN_PERSON : channel;
    durationMinutes = durationMinutes == null ? 60 : durationMinutes;
    place = place == null ? null : place.strip();
    relativesPresent = relativesPresent != null && relativesPresent;
    counselors = counselors == null ? List.of() : List.copyOf(counselors);
  }
}
