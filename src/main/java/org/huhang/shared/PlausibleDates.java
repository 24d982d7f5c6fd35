package org.huhang.shared;

import java.time.LocalDate;
import java.util.Optional;
import org.huhang.shared.DomainException.FieldProblem;

/**
 * The one rule for dates a person types (form, API or spreadsheet): nothing before 1900-01-01 (year
 * 0000 or −1 is a slip, never a record), nothing after today where the past is meant (births,
 * marriages, hours worked, a day received, withdrawn or certified), nothing before the birth date
 * where a date follows it (joined as a volunteer, married), and an expiry no later than 2100-12-31.
 * Each check answers the problem of its field, or nothing; the aggregates add it to their own. The
 * words: {@code date.*} in the shared bundle, or the module's own key for "after today" where it
 * already had one.
 */
public final class PlausibleDates {

  public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
  public static final LocalDate LATEST_EXPIRY = LocalDate.of(2100, 12, 31);

  private PlausibleDates() {}

  /** A day in the past or today, not before 1900; {@code null} is left to the required check. */
  public static Optional<FieldProblem> past(String field, LocalDate date, LocalDate today) {
    return past(field, date, today, "date.future");
  }

  /** As {@link #past(String, LocalDate, LocalDate)}, with the module's words for "after today". */
  public static Optional<FieldProblem> past(
      String field, LocalDate date, LocalDate today, String futureKey) {
    if (date == null) {
      return Optional.empty();
    }
    if (date.isBefore(EARLIEST)) {
      return Optional.of(problem(field, "date.beforeEarliest", EARLIEST));
    }
    if (date.isAfter(today)) {
      return Optional.of(problem(field, futureKey, today));
    }
    return Optional.empty();
  }

  /** A past day that cannot come before the person's birth (joined, married). */
  public static Optional<FieldProblem> pastSinceBirth(
      String field, LocalDate date, LocalDate today, String futureKey, LocalDate birthDate) {
    Optional<FieldProblem> past = past(field, date, today, futureKey);
    if (past.isPresent() || date == null || birthDate == null) {
      return past;
    }
    return date.isBefore(birthDate)
        ? Optional.of(problem(field, "date.beforeBirth", birthDate))
        : Optional.empty();
  }

  /** An expiry (of a certificate): from 1900 up to 2100-12-31; {@code null} means none. */
  public static Optional<FieldProblem> expiry(String field, LocalDate date) {
    if (date == null) {
      return Optional.empty();
    }
    if (date.isBefore(EARLIEST)) {
      return Optional.of(problem(field, "date.beforeEarliest", EARLIEST));
    }
    if (date.isAfter(LATEST_EXPIRY)) {
      return Optional.of(problem(field, "date.afterLatest", LATEST_EXPIRY));
    }
    return Optional.empty();
  }

  private static FieldProblem problem(String field, String key, LocalDate bound) {
    return new FieldProblem(field, key, new Object[] {bound.toString()});
  }
}
