package org.huhang.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** A period cut into whole months and the days at its ends covers each of its days exactly once. */
class FigureDaysSpanTest {

  private static LocalDate d(String s) {
    return LocalDate.parse(s);
  }

  @Test
  void wholeMonthsAreMonthsAndTheEndsAreDays() {
    var span = FigureDays.Span.of(d("2018-01-01"), d("2023-09-30"));
    assertThat(span.monthFrom()).isEqualTo(d("2018-01-01"));
    assertThat(span.monthTo()).isEqualTo(d("2023-09-01"));
    assertThat(span.headFrom()).isAfter(span.headTo());
    assertThat(span.tailFrom()).isAfter(span.tailTo());

    span = FigureDays.Span.of(d("2020-03-17"), d("2024-02-28"));
    assertThat(span.monthFrom()).isEqualTo(d("2020-04-01"));
    assertThat(span.monthTo()).isEqualTo(d("2024-01-01"));
    assertThat(span.headFrom()).isEqualTo(d("2020-03-17"));
    assertThat(span.headTo()).isEqualTo(d("2020-03-31"));
    assertThat(span.tailFrom()).isEqualTo(d("2024-02-01"));
    assertThat(span.tailTo()).isEqualTo(d("2024-02-28"));
  }

  @Test
  void everyDayOfManyPeriodsIsCountedOnce() {
    LocalDate base = d("2023-11-20");
    for (int a = 0; a < 120; a += 7) {
      for (int b = a; b < a + 100; b += 5) {
        LocalDate from = base.plusDays(a);
        LocalDate to = base.plusDays(b);
        var span = FigureDays.Span.of(from, to);
        TreeSet<LocalDate> covered = new TreeSet<>();
        int count = 0;
        for (LocalDate m = span.monthFrom(); !m.isAfter(span.monthTo()); m = m.plusMonths(1)) {
          for (LocalDate x = m; x.getMonth() == m.getMonth(); x = x.plusDays(1)) {
            covered.add(x);
            count++;
          }
        }
        for (LocalDate x = span.headFrom(); !x.isAfter(span.headTo()); x = x.plusDays(1)) {
          covered.add(x);
          count++;
        }
        for (LocalDate x = span.tailFrom(); !x.isAfter(span.tailTo()); x = x.plusDays(1)) {
          covered.add(x);
          count++;
        }
        assertThat(count).as(from + ".." + to).isEqualTo(covered.size());
        assertThat(covered.first()).as(from + ".." + to).isEqualTo(from);
        assertThat(covered.last()).as(from + ".." + to).isEqualTo(to);
        assertThat(covered)
            .as(from + ".." + to)
            .hasSize((int) (to.toEpochDay() - from.toEpochDay() + 1));
      }
    }
  }
}
