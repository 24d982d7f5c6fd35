package org.huhang.registration.internal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the published holiday calendar: a few hundred rows, read whole for each computation. */
@Repository
class CalendarRepository {

  private final JdbcClient jdbc;

  CalendarRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  HolidayCalendar current() {
    Set<Integer> years =
        new HashSet<>(
            jdbc.sql("select year from registration.calendar_year where published")
                .query(Integer.class)
                .list());
    Map<LocalDate, DayKind> days = new HashMap<>();
    jdbc.sql(
            "select d.day, d.kind from registration.calendar_day d join registration.calendar_year y on y.year = d.year"
                + " where y.published")
        .query(
            (rs, n) ->
                Map.entry(rs.getObject(1, LocalDate.class), DayKind.valueOf(rs.getString(2))))
        .list()
        .forEach(e -> days.put(e.getKey(), e.getValue()));
    return new HolidayCalendar(days, years);
  }
}
