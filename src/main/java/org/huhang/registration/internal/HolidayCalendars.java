package org.huhang.registration.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
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

  /** One row of the list form, as typed: the date, 放假/上班 (OFF/WORK) and the holiday's name. */
  public record Entry(String day, String kind, String name) {
    boolean blank() {
      return isBlank(day) && isBlank(kind) && isBlank(name);
    }
  }

  /**
   * Enters days of a year, one per line as the notice lists them: {@code 2027-01-01,OFF,元旦} (or
   * 放假/上班). All lines or none, every bad line reported at once (field {@code days.N}); a published
   * year's deadlines are recomputed at once.
   */
  @Transactional
  public int putDays(int year, String lines, Actor actor) {
    List<DomainException.FieldProblem> problems = new ArrayList<>();
    List<Entry> entries = lines(lines, problems);
    return save(year, entries, "days.", problems, actor);
  }

  /**
   * The text format of {@link #putDays}: one entry per line (a blank one for a blank line), split
   * at the first two commas (also full-width) or tabs; a line without three parts is a problem of
   * field {@code days.N}. Never throws: what the entries mean is {@link #reason}'s to say.
   */
  static List<Entry> lines(String lines, List<DomainException.FieldProblem> problems) {
    String[] rows = lines == null ? new String[0] : lines.strip().split("\\R");
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < rows.length; i++) {
      String row = rows[i].strip();
      String[] f = row.split("[,，\\t]", 3);
      if (!row.isEmpty() && f.length < 3) {
        problems.add(problem("days." + (i + 1), "calendar.row.format", i + 1, row));
        entries.add(new Entry("", "", ""));
      } else {
        entries.add(row.isEmpty() ? new Entry("", "", "") : new Entry(f[0], f[1], f[2]));
      }
    }
    return entries;
  }

  /**
   * Enters days of a year from the list form: one {@link Entry} per row, blank rows skipped; every
   * bad row is reported at once (field {@code entry.N}), none saved.
   */
  @Transactional
  public int putEntries(int year, List<Entry> entries, Actor actor) {
    return save(year, entries, "entry.", new ArrayList<>(), actor);
  }

  /**
   * Enters one day from the year grid's day form: 放假 or 上班 with the holiday's name. A problem is
   * reported on the form's own field ({@code day}, {@code kind} or {@code name}) and names the day.
   */
  @Transactional
  public int putDay(int year, Entry entry, Actor actor) {
    policy.requireCalendarKeeper(actor);
    year(year);
    String reason = reason(entry, year);
    if (reason != null) {
      String field =
          switch (reason) {
            case "calendar.row.kind" -> "kind";
            case "calendar.row.name" -> "name";
            default -> "day";
          };
      throw DomainException.of(
          field,
          reason.replace("calendar.row.", "calendar.dayForm."),
          strip(entry.day()),
          String.valueOf(year));
    }
    return save(year, List.of(entry), "day.", new ArrayList<>(), actor);
  }

  private int save(
      int year,
      List<Entry> entries,
      String fieldPrefix,
      List<DomainException.FieldProblem> problems,
      Actor actor) {
    policy.requireCalendarKeeper(actor);
    Year y = year(year);
    java.util.Map<LocalDate, Day> days = new java.util.LinkedHashMap<>();
    for (int i = 0; i < entries.size(); i++) {
      Entry e = entries.get(i);
      if (e.blank()) {
        continue;
      }
      String field = fieldPrefix + (i + 1);
      if (problems.stream().anyMatch(p -> field.equals(p.field()))) {
        continue;
      }
      String reason = reason(e, year);
      if (reason == null) {
        LocalDate day = LocalDate.parse(strip(e.day()));
        days.put(day, new Day(day, kind(e.kind()).orElseThrow(), strip(e.name())));
      } else {
        problems.add(
            problem(field, reason, i + 1, strip(e.day()), String.valueOf(year), strip(e.name())));
      }
    }
    problems.sort(java.util.Comparator.comparingInt(p -> (Integer) p.args()[0]));
    if (days.isEmpty() && problems.isEmpty()) {
      problems.add(problem(fieldPrefix + "none", "calendar.line.none"));
    }
    if (!problems.isEmpty()) {
      throw new DomainException(problems);
    }
    for (Day d : days.values()) {
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

  private static DomainException.FieldProblem problem(String field, String key, Object... args) {
    return new DomainException.FieldProblem(field, key, args);
  }

  /** Why a row cannot be saved (a message key taking row, date, year, name), or null. */
  static String reason(Entry e, int year) {
    LocalDate day;
    try {
      day = LocalDate.parse(strip(e.day()));
    } catch (RuntimeException ex) {
      return "calendar.row.date";
    }
    if (day.getYear() != year) {
      return "calendar.row.otherYear";
    }
    Optional<DayKind> kind = kind(e.kind());
    if (kind.isEmpty()) {
      return "calendar.row.kind";
    }
    String name = strip(e.name());
    if (name.isEmpty() || name.length() > 40) {
      return "calendar.row.name";
    }
    if (kind.get() == DayKind.WORK && !HolidayCalendar.isWeekend(day)) {
      return "calendar.row.workday";
    }
    return null;
  }

  private static Optional<DayKind> kind(String text) {
    String k = strip(text).toUpperCase(java.util.Locale.ROOT);
    return switch (k) {
      case "OFF", "放假", "休" -> Optional.of(DayKind.OFF);
      case "WORK", "上班", "班" -> Optional.of(DayKind.WORK);
      default -> Optional.empty();
    };
  }

  private static String strip(String s) {
    return s == null ? "" : s.strip();
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  /**
   * How many applications a change of the year's days may move: the open or provisional ones whose
   * span from receipt to the certificate deadline touches that year. Shown before publishing.
   */
  @Transactional(readOnly = true)
  public int affectedBy(int year, Actor actor) {
    policy.requireCalendarKeeper(actor);
    year(year);
    return affected(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
  }

  /** How many applications removing this day may move (none while its year is unpublished). */
  @Transactional(readOnly = true)
  public int affectedBy(LocalDate day, Actor actor) {
    policy.requireCalendarKeeper(actor);
    return year(day.getYear()).published() ? affected(day, day) : 0;
  }

  private int affected(LocalDate from, LocalDate to) {
    return jdbc.sql(
            "select count(*) from registration.divorce_application"
                + " where (outcome = 'PENDING' or withdrawal_provisional or certificate_provisional)"
                + " and received_on <= :to and certificate_deadline >= :from")
        .param("from", from)
        .param("to", to)
        .query(Integer.class)
        .single();
  }

  /** Removes a day of the notice; returns how many applications' dates changed. */
  @Transactional
  public int removeDay(LocalDate day, Actor actor) {
    policy.requireCalendarKeeper(actor);
    boolean published = year(day.getYear()).published();
    jdbc.sql("delete from registration.calendar_day where day = :d").param("d", day).update();
    audit.recordWrite("calendar.day.remove", "calendar", day.toString());
    return published ? deadlines.recompute(calendar.current()) : 0;
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
}
