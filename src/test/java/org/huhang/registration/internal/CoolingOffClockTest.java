package org.huhang.registration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.huhang.registration.CoolingOffDates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The cooling-off clock on the State Council calendars of 2021-2026 (the same file the migration
 * ships): every holiday block, month ends, the leap day, and moved working days on weekends.
 */
class CoolingOffClockTest {

  static final HolidayCalendar CALENDAR = load();
  static final CoolingOffClock CLOCK = new CoolingOffClock(CALENDAR);

  @ParameterizedTest(
      name = "received {0}: withdraw until {1}, certificate {2} to {3}, deemed withdrawn {4}")
  @CsvSource({
    // the example of the issue: 05-02 lies in the May Day holiday
    "2025-03-03, 2025-04-02, 2025-04-03, 2025-05-06, 2025-05-07",
    // Spring Festival 2026 pushes the deadline past the whole block
    "2026-01-16, 2026-02-24, 2026-02-25, 2026-03-26, 2026-03-27",
    // a deadline on a Saturday moved to work (2026-02-14) stays put
    "2026-01-15, 2026-02-14, 2026-02-15, 2026-03-16, 2026-03-17",
    // and on a Sunday moved to work (2026-01-04, 2024-09-29, 2021-04-25)
    "2025-12-05, 2026-01-04, 2026-01-05, 2026-02-03, 2026-02-04",
    "2024-08-30, 2024-09-29, 2024-09-30, 2024-10-29, 2024-10-30",
    "2021-03-26, 2021-04-25, 2021-04-26, 2021-05-25, 2021-05-26",
    // National Day blocks
    "2025-09-01, 2025-10-09, 2025-10-10, 2025-11-10, 2025-11-11",
    "2021-09-09, 2021-10-09, 2021-10-10, 2021-11-08, 2021-11-09",
    "2023-08-30, 2023-10-07, 2023-10-08, 2023-11-06, 2023-11-07",
    "2026-09-01, 2026-10-08, 2026-10-09, 2026-11-09, 2026-11-10",
    "2026-09-10, 2026-10-10, 2026-10-11, 2026-11-09, 2026-11-10",
    "2022-09-30, 2022-10-31, 2022-11-01, 2022-11-30, 2022-12-01",
    // Mid-Autumn
    "2021-08-19, 2021-09-18, 2021-09-19, 2021-10-18, 2021-10-19",
    "2022-08-11, 2022-09-13, 2022-09-14, 2022-10-13, 2022-10-14",
    "2026-08-26, 2026-09-28, 2026-09-29, 2026-10-28, 2026-10-29",
    // leap day 2024 and the month ends around it; a certificate deadline on a Sunday moved to work
    "2024-01-30, 2024-02-29, 2024-03-01, 2024-04-01, 2024-04-02",
    "2024-01-31, 2024-03-01, 2024-03-02, 2024-04-01, 2024-04-02",
    "2024-02-28, 2024-03-29, 2024-03-30, 2024-04-28, 2024-04-29",
    "2023-01-31, 2023-03-02, 2023-03-03, 2023-04-03, 2023-04-04",
    // Qingming (2024 ends on a Sunday moved to work); a certificate deadline on a moved Saturday
    "2024-03-05, 2024-04-07, 2024-04-08, 2024-05-07, 2024-05-08",
    "2023-03-06, 2023-04-06, 2023-04-07, 2023-05-06, 2023-05-07",
    "2025-03-05, 2025-04-07, 2025-04-08, 2025-05-07, 2025-05-08",
    // May Day
    "2023-03-30, 2023-05-04, 2023-05-05, 2023-06-05, 2023-06-06",
    "2026-04-01, 2026-05-06, 2026-05-07, 2026-06-05, 2026-06-06",
    // Dragon Boat
    "2022-05-04, 2022-06-06, 2022-06-07, 2022-07-06, 2022-07-07",
    "2025-05-01, 2025-06-03, 2025-06-04, 2025-07-03, 2025-07-04",
    "2026-05-20, 2026-06-22, 2026-06-23, 2026-07-22, 2026-07-23",
    // New Year across the year end, Spring Festival blocks
    "2022-12-01, 2023-01-03, 2023-01-04, 2023-02-02, 2023-02-03",
    "2021-01-12, 2021-02-18, 2021-02-19, 2021-03-22, 2021-03-23",
    "2024-12-29, 2025-02-05, 2025-02-06, 2025-03-07, 2025-03-08",
    "2021-12-30, 2022-01-29, 2022-01-30, 2022-02-28, 2022-03-01",
    // plain weekends and plain days
    "2025-06-06, 2025-07-07, 2025-07-08, 2025-08-06, 2025-08-07",
    "2021-06-12, 2021-07-12, 2021-07-13, 2021-08-11, 2021-08-12",
  })
  void countsEveryDeadlineExactly(
      LocalDate received,
      LocalDate withdrawal,
      LocalDate certificateFrom,
      LocalDate certificateDeadline,
      LocalDate deemed) {
    CoolingOffDates dates = CLOCK.exact(received);
    assertThat(dates.withdrawalDeadline()).isEqualTo(withdrawal);
    assertThat(dates.certificateFrom()).isEqualTo(certificateFrom);
    assertThat(dates.certificateDeadline()).isEqualTo(certificateDeadline);
    assertThat(dates.deemedWithdrawnOn()).isEqualTo(deemed);
    assertThat(dates.provisional()).isFalse();
  }

  @Test
  void aComputationReachingAYearWithoutCalendarIsRefusedWhenExactnessIsRequired() {
    assertThatThrownBy(() -> CLOCK.exact(LocalDate.of(2026, 12, 1)))
        .isInstanceOf(CalendarMissingException.class)
        .satisfies(e -> assertThat(((CalendarMissingException) e).year()).isEqualTo(2027));
  }

  @Test
  void otherwiseItCountsThatYearWithWeekendsOnlyAndSaysSo() {
    CoolingOffDates dates = CLOCK.compute(LocalDate.of(2026, 12, 1));
    assertThat(dates.withdrawalDeadline()).isEqualTo(LocalDate.of(2026, 12, 31));
    assertThat(dates.withdrawalProvisional()).isFalse();
    assertThat(dates.certificateDeadline()).isEqualTo(LocalDate.of(2027, 2, 1));
    assertThat(dates.certificateProvisional()).isTrue();

    CoolingOffDates later = CLOCK.compute(LocalDate.of(2026, 12, 15));
    assertThat(later.withdrawalDeadline()).isEqualTo(LocalDate.of(2027, 1, 14));
    assertThat(later.withdrawalProvisional()).isTrue();
  }

  @Test
  void enteringTheYearMakesTheDatesExactAndOnlyLater() {
    Map<LocalDate, DayKind> days = new HashMap<>(CALENDAR.days());
    // a made-up 2027 notice: New Year's Day off on Friday, Spring Festival 02-05 to 02-12
    days.put(LocalDate.of(2027, 1, 1), DayKind.OFF);
    for (int d = 5; d <= 12; d++) {
      days.put(LocalDate.of(2027, 2, d), DayKind.OFF);
    }
    Set<Integer> years = Set.of(2021, 2022, 2023, 2024, 2025, 2026, 2027);
    CoolingOffClock entered = new CoolingOffClock(new HolidayCalendar(days, years));
    CoolingOffDates provisional = CLOCK.compute(LocalDate.of(2027 - 1, 12, 7));
    CoolingOffDates exact = entered.exact(LocalDate.of(2026, 12, 7));
    assertThat(provisional.certificateDeadline()).isEqualTo(LocalDate.of(2027, 2, 5));
    assertThat(exact.certificateDeadline()).isEqualTo(LocalDate.of(2027, 2, 13).plusDays(2));
    assertThat(exact.certificateDeadline()).isAfterOrEqualTo(provisional.certificateDeadline());
  }

  static HolidayCalendar load() {
    Map<LocalDate, DayKind> days = new HashMap<>();
    try (var in =
            CoolingOffClockTest.class.getResourceAsStream("/calendar/cn-holidays-2021-2026.csv");
        var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      reader
          .lines()
          .skip(1)
          .map(l -> l.split(","))
          .forEach(f -> days.put(LocalDate.parse(f[0]), DayKind.valueOf(f[1])));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return new HolidayCalendar(days, Set.of(2021, 2022, 2023, 2024, 2025, 2026));
  }
}
