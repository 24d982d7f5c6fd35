package org.huhang.registration.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * The State Council holiday arrangements of the years entered so far. A day is a rest day when it
 * is OFF, or a Saturday or Sunday not marked WORK.
 */
record HolidayCalendar(Map<LocalDate, DayKind> days, Set<Integer> years) {

  HolidayCalendar {
    days = Map.copyOf(days);
    years = Set.copyOf(years);
  }

  boolean knows(int year) {
    return years.contains(year);
  }

  /** Rest day by the notice; only meaningful for a year the calendar knows. */
  boolean isRestDay(LocalDate day) {
    DayKind kind = days.get(day);
    if (kind != null) {
      return kind == DayKind.OFF;
    }
    return isWeekend(day);
  }

  static boolean isWeekend(LocalDate day) {
    return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
  }
}
