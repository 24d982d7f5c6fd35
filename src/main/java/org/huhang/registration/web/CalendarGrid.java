package org.huhang.registration.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.huhang.registration.internal.HolidayCalendars;

/**
 * A year as twelve small month calendars, weeks starting on Monday: each day with its state at a
 * glance (放假, 调休上班, an ordinary weekend or working day), today and the chosen day marked.
 */
public record CalendarGrid(List<Month> months) {

  /** What a day is: {@code OFF}, {@code WORK} (an adjusted working weekend day), or ordinary. */
  public enum State {
    OFF,
    WORK,
    WEEKEND,
    WORKDAY
  }

  /** One cell: a day of the month (null pads the first and last week), its state and name. */
  public record Cell(LocalDate day, State state, String name, boolean today, boolean chosen) {

    /** The cell's classes: the state, and whether it is today or the day being edited. */
    public String css() {
      return "cal-day cal-"
          + state.name().toLowerCase(java.util.Locale.ROOT)
          + (today ? " cal-today" : "")
          + (chosen ? " cal-chosen" : "");
    }
  }

  /**
   * The year grid's day form: the day as typed, its choice ({@code OFF}, {@code WORK}, or {@code
   * NONE} for an ordinary day) and the holiday's name; whether the day is a weekend (only then 上班
   * is offered) and whether it is entered already (then it can be made ordinary again).
   */
  public record DayForm(String day, String kind, String name, boolean weekend, boolean entered) {}

  /** A month: its number and its weeks of seven cells. */
  public record Month(int month, List<List<Cell>> weeks) {}

  static CalendarGrid of(
      int year, List<HolidayCalendars.Day> days, LocalDate today, LocalDate chosen) {
    Map<LocalDate, HolidayCalendars.Day> byDay = new HashMap<>();
    days.forEach(d -> byDay.put(d.day(), d));
    List<Month> months = new ArrayList<>();
    for (int m = 1; m <= 12; m++) {
      LocalDate first = LocalDate.of(year, m, 1);
      List<List<Cell>> weeks = new ArrayList<>();
      List<Cell> week = new ArrayList<>();
      for (int pad = 1; pad < first.getDayOfWeek().getValue(); pad++) {
        week.add(null);
      }
      for (LocalDate d = first; d.getMonthValue() == m; d = d.plusDays(1)) {
        HolidayCalendars.Day entry = byDay.get(d);
        State state;
        if (entry != null) {
          state = State.valueOf(entry.kind().name());
        } else if (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
          state = State.WEEKEND;
        } else {
          state = State.WORKDAY;
        }
        week.add(
            new Cell(
                d, state, entry == null ? "" : entry.name(), d.equals(today), d.equals(chosen)));
        if (week.size() == 7) {
          weeks.add(week);
          week = new ArrayList<>();
        }
      }
      if (!week.isEmpty()) {
        while (week.size() < 7) {
          week.add(null);
        }
        weeks.add(week);
      }
      months.add(new Month(m, weeks));
    }
    return new CalendarGrid(months);
  }
}
