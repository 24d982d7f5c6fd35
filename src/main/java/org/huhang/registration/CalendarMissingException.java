package org.huhang.registration;

import org.huhang.shared.DomainException;

/** A computation reached a year whose holiday arrangement is not entered yet. */
public class CalendarMissingException extends DomainException {

  private final int year;

  public CalendarMissingException(int year) {
    super(
        java.util.List.of(
            new FieldProblem(
                "receivedOn", "calendar.missing", new Object[] {String.valueOf(year)})));
    this.year = year;
  }

  public int year() {
    return year;
  }
}
