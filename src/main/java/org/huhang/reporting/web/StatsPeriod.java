package org.huhang.reporting.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.huhang.shared.DomainException;

/**
 * The period the /stats page and its exports are asked for: the preset ({@code month}, {@code
 * year}, {@code since2018}, {@code custom}; dates without one are custom, nothing is this year),
 * its first and last day, and the problems of dates that cannot be read or of an unknown preset.
 */
record StatsPeriod(
    String preset, LocalDate start, LocalDate end, List<DomainException.FieldProblem> problems) {

  static final LocalDate SINCE = LocalDate.of(2018, 1, 1);

  static StatsPeriod of(String period, String from, String to, LocalDate today) {
    String preset = preset(period, from, to);
    List<DomainException.FieldProblem> problems = new ArrayList<>();
    LocalDate start;
    LocalDate end;
    switch (preset) {
      case "month" -> {
        start = today.withDayOfMonth(1);
        end = today;
      }
      case "since2018" -> {
        start = SINCE;
        end = today;
      }
      case "custom" -> {
        start = day("from", from, problems);
        end = day("to", to, problems);
      }
      case "year" -> {
        start = today.withDayOfYear(1);
        end = today;
      }
      default -> {
        problems.add(new DomainException.FieldProblem("period", "stats.period.unknown", null));
        start = today.withDayOfYear(1);
        end = today;
      }
    }
    return new StatsPeriod(preset, start, end, List.copyOf(problems));
  }

  /** The preset asked for; dates without one are a custom period; nothing: this year. */
  private static String preset(String period, String from, String to) {
    if (period != null && !period.isBlank()) {
      return period.strip();
    }
    boolean dates = (from != null && !from.isBlank()) || (to != null && !to.isBlank());
    return dates ? "custom" : "year";
  }

  private static LocalDate day(
      String field, String value, List<DomainException.FieldProblem> problems) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      problems.add(new DomainException.FieldProblem(field, "stats." + field + ".malformed", null));
      return null;
    }
  }
}
