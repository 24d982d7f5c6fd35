package org.huhang.registration.internal;

import org.huhang.shared.DomainException;

/** A computation reached a year whose holiday arrangement is not entered yet. */
class CalendarMissingException extends DomainException {

  private final int year;

  CalendarMissingException(int year) {
    super(
        java.util.List.of(
            new FieldProblem(
                "receivedOn", "calendar.missing", new Object[] {String.valueOf(year)})));
    this.year = year;
  }

  int year() {
    return year;
  }
}
