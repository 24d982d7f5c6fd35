package org.huhang.selfservice;

import java.time.LocalDate;
import java.time.LocalTime;
import org.huhang.volunteer.HalfDay;

/** A morning or afternoon of one day at a center: what a family books. */
public record HalfDaySlot(LocalDate date, Part part) {

  public enum Part {
    AM(LocalTime.of(9, 0)),
    PM(LocalTime.of(14, 30));

    private final LocalTime start;

    Part(LocalTime start) {
      this.start = start;
    }

    /** When a session of this half-day begins, China wall time. */
    public LocalTime start() {
      return start;
    }
  }

  /** The volunteer availability bit this slot needs (Monday morning, …). */
  public HalfDay halfDay() {
    return HalfDay.values()[(date.getDayOfWeek().getValue() - 1) * 2 + part.ordinal()];
  }

  /** The value a form sends: {@code 2026-12-03-AM}. */
  public String value() {
    return date + "-" + part;
  }

  public static java.util.Optional<HalfDaySlot> parse(String value) {
    if (value == null || !value.matches("\\d{4}-\\d{2}-\\d{2}-(AM|PM)")) {
      return java.util.Optional.empty();
    }
    try {
      return java.util.Optional.of(
          new HalfDaySlot(
              LocalDate.parse(value.substring(0, 10)), Part.valueOf(value.substring(11))));
    } catch (java.time.DateTimeException e) {
      return java.util.Optional.empty();
    }
  }
}
