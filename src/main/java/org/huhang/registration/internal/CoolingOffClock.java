package org.huhang.registration.internal;

import java.time.LocalDate;
import org.huhang.registration.CoolingOffDates;

/**
 * The cooling-off clock (Civil Code art. 1077; Ministry of Civil Affairs notice of 2020):
 *
 * <ul>
 *   <li>withdrawal deadline: 30 days counted from the day after receipt, moved to the next working
 *       day while it falls on a rest day;
 *   <li>the certificate may be applied for from the day after, until 30 days after the withdrawal
 *       deadline, moved the same way;
 *   <li>an application not claimed by then is deemed withdrawn the day after.
 * </ul>
 *
 * The one implementation every path uses. {@link #exact} refuses a computation that reaches a year
 * without a holiday notice; {@link #compute} counts such a year with weekends only and marks the
 * dates provisional.
 */
public final class CoolingOffClock {

  static final int PERIOD_DAYS = 30;

  private final HolidayCalendar calendar;

  CoolingOffClock(HolidayCalendar calendar) {
    this.calendar = calendar;
  }

  /** The dates, all exact; a year without calendar answers {@link CalendarMissingException}. */
  public CoolingOffDates exact(LocalDate receivedOn) {
    CoolingOffDates dates = compute(receivedOn);
    if (dates.provisional()) {
      throw new CalendarMissingException(firstMissingYear(receivedOn));
    }
    return dates;
  }

  /** The dates, provisional where they reach a year without calendar. */
  public CoolingOffDates compute(LocalDate receivedOn) {
    Deadline withdrawal = endOfPeriod(receivedOn);
    Deadline certificate = endOfPeriod(withdrawal.day());
    return new CoolingOffDates(
        receivedOn,
        withdrawal.day(),
        withdrawal.day().plusDays(1),
        certificate.day(),
        certificate.day().plusDays(1),
        withdrawal.provisional(),
        withdrawal.provisional() || certificate.provisional());
  }

  private record Deadline(LocalDate day, boolean provisional) {}

  /** The last day of a 30-day period starting the day after {@code start}, moved past rest days. */
  private Deadline endOfPeriod(LocalDate start) {
    LocalDate day = start.plusDays(PERIOD_DAYS);
    boolean provisional = false;
    while (true) {
      boolean known = calendar.knows(day.getYear());
      provisional |= !known;
      boolean rest = known ? calendar.isRestDay(day) : HolidayCalendar.isWeekend(day);
      if (!rest) {
        return new Deadline(day, provisional);
      }
      day = day.plusDays(1);
    }
  }

  private int firstMissingYear(LocalDate receivedOn) {
    for (LocalDate d = receivedOn; ; d = d.plusDays(1)) {
      if (!calendar.knows(d.getYear())) {
        return d.getYear();
      }
    }
  }
}
