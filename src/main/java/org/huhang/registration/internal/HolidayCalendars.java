package org.huhang.registration.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.huhang.audit.AuditTrail;
import org.huhang.shared.Actor;
import org.huhang.shared.DomainException;
import org.huhang.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The holiday calendar as data: the city administrator enters each year's State Council notice
 * (days off and moved working days) and publishes it; from then on the clock counts that year
 * exactly, and every provisional deadline is recomputed at once.
 */
@Service
public class HolidayCalendars {

  /** A year of the calendar: published, or still being entered. */
  public record Year(int year, boolean published, int days) {}

  /** A day of a year's notice. */
  public record Day(LocalDate day, DayKind kind, String name) {}

  private final JdbcClient jdbc;
  private final CalendarRepository calendar;
  private final AuditTrail audit;
  private final DeadlineRecompute deadlines;
  private final RegistrationPolicy policy;
  private final Clock clock;

  HolidayCalendars(
      JdbcClient jdbc,
      CalendarRepository calendar,
      AuditTrail audit,
      DeadlineRecompute deadlines,
      RegistrationPolicy policy,
      Clock clock) {
    this.jdbc = jdbc;
    this.calendar = calendar;
    this.audit = audit;
    this.deadlines = deadlines;
    this.policy = policy;
    this.clock = clock;
  }

  /** The clock on the published years: what every computation counts with. */
  @Transactional(readOnly = true)
  public CoolingOffClock clock() {
    return new CoolingOffClock(calendar.current());
  }

  /** The years entered so far, for the city administrator. */
  @Transactional(readOnly = true)
  public List<Year> years(Actor actor) {
    policy.requireCalendarKeeper(actor);
    return years();
  }

  /** One year, for the city administrator. */
  @Transactional(readOnly = true)
  public Year year(int year, Actor actor) {
    policy.requireCalendarKeeper(actor);
    return year(year);
  }

  /** The days entered for a year, for the city administrator. */
  @Transactional(readOnly = true)
  public List<Day> days(int year, Actor actor) {
    policy.requireCalendarKeeper(actor);
    return days(year);
  }

  private List<Year> years() {
    return jdbc.sql(
            "select y.year, y.published, (select count(*) from registration.calendar_day d where d.year = y.year)"
                + " from registration.calendar_year y order by y.year desc")
        .query((rs, n) -> new Year(rs.getInt(1), rs.getBoolean(2), rs.getInt(3)))
        .list();
  }

  private Year year(int year) {
    return years().stream()
        .filter(y -> y.year() == year)
        .findFirst()
        .orElseThrow(() -> new NotFoundException("year"));
  }

  private List<Day> days(int year) {
    return jdbc.sql(
            "select day, kind, name from registration.calendar_day where year = :y order by day")
        .param("y", year)
        .query(
            (rs, n) ->
                new Day(
                    rs.getObject(1, LocalDate.class),
                    DayKind.valueOf(rs.getString(2)),
                    rs.getString(3)))
        .list();
  }

  /** Starts entering a year (not yet used by the clock). */
  @Transactional
  public void addYear(int year, Actor actor) {
    policy.requireCalendarKeeper(actor);
    if (year < 2021 || year > LocalDate.now(clock).getYear() + 2) {
      throw DomainException.of(
          "year", "calendar.year.range", String.valueOf(LocalDate.now(clock).getYear() + 2));
    }
    int inserted =
        jdbc.sql(
                "insert into registration.calendar_year (year, published) values (:y, false) on conflict do nothing")
            .param("y", year)
            .update();
    if (inserted == 0) {
      throw DomainException.of("year", "calendar.year.exists", String.valueOf(year));
    }
    audit.recordWrite("calendar.year.create", "calendar", String.valueOf(year));
  }

  /**
   * Enters days of a year, one per line as the notice lists them: {@code 2027-01-01,OFF,元旦}. All
   * lines or none; a published year's deadlines are recomputed at once.
   */
  @Transactional
  public int putDays(int year, String lines, Actor actor) {
    policy.requireCalendarKeeper(actor);
    Year y = year(year);
    List<DomainException.FieldProblem> problems = new java.util.ArrayList<>();
    List<Day> days = new java.util.ArrayList<>();
    String[] rows = lines == null ? new String[0] : lines.strip().split("\\R");
    for (int i = 0; i < rows.length; i++) {
      String row = rows[i].strip();
      if (row.isEmpty()) {
        continue;
      }
      Optional<Day> day = parseLine(row, year);
      if (day.isEmpty()) {
        problems.add(
            new DomainException.FieldProblem(
                "days", "calendar.line.invalid", new Object[] {i + 1, row, year}));
      } else {
        days.add(day.get());
      }
    }
    if (days.isEmpty() && problems.isEmpty()) {
      problems.add(new DomainException.FieldProblem("days", "calendar.line.none", new Object[0]));
    }
    if (!problems.isEmpty()) {
      throw new DomainException(problems);
    }
    for (Day d : days) {
      jdbc.sql(
              "insert into registration.calendar_day (day, kind, name, year) values (:d, :k, :n, :y)"
                  + " on conflict (day) do update set kind = excluded.kind, name = excluded.name")
          .param("d", d.day())
          .param("k", d.kind().name())
          .param("n", d.name())
          .param("y", year)
          .update();
    }
    audit.recordWrite("calendar.days", "calendar", String.valueOf(year));
    if (y.published()) {
      deadlines.recompute(calendar.current());
    }
    return days.size();
  }

  @Transactional
  public void removeDay(LocalDate day, Actor actor) {
    policy.requireCalendarKeeper(actor);
    boolean published = year(day.getYear()).published();
    jdbc.sql("delete from registration.calendar_day where day = :d").param("d", day).update();
    audit.recordWrite("calendar.day.remove", "calendar", day.toString());
    if (published) {
      deadlines.recompute(calendar.current());
    }
  }

  /** Makes a year count: every provisional deadline is recomputed; returns how many moved. */
  @Transactional
  public int publish(int year, Actor actor) {
    policy.requireCalendarKeeper(actor);
    Year y = year(year);
    if (y.published()) {
      throw DomainException.of("year", "calendar.year.published", String.valueOf(year));
    }
    if (y.days() == 0) {
      throw DomainException.of("year", "calendar.year.empty", String.valueOf(year));
    }
    jdbc.sql(
            "update registration.calendar_year set published = true, published_at = :at, published_by = :by where year = :y")
        .param("at", Timestamp.from(clock.instant()))
        .param("by", actor.username())
        .param("y", year)
        .update();
    audit.recordWrite("calendar.year.publish", "calendar", String.valueOf(year));
    return deadlines.recompute(calendar.current());
  }

  static Optional<Day> parseLine(String line, int year) {
    String[] f = line.split("[,，\\t]", 3);
    if (f.length < 3) {
      return Optional.empty();
    }
    try {
      LocalDate day = LocalDate.parse(f[0].strip());
      DayKind kind = DayKind.valueOf(f[1].strip().toUpperCase(java.util.Locale.ROOT));
      String name = f[2].strip();
      if (day.getYear() != year || name.isEmpty() || name.length() > 40) {
        return Optional.empty();
      }
      if (kind == DayKind.WORK && !HolidayCalendar.isWeekend(day)) {
        return Optional.empty();
      }
      return Optional.of(new Day(day, kind, name));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
