package org.huhang.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.huhang.shared.DomainException.FieldProblem;
import org.junit.jupiter.api.Test;

class PlausibleDatesTest {

  static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

  static String key(java.util.Optional<FieldProblem> p) {
    return p.map(FieldProblem::messageKey).orElse(null);
  }

  @Test
  void aPastDayIsFrom1900UpToToday() {
    assertThat(key(PlausibleDates.past("d", LocalDate.of(0, 1, 1), TODAY)))
        .isEqualTo("date.beforeEarliest");
    assertThat(key(PlausibleDates.past("d", LocalDate.of(-1, 1, 1), TODAY)))
        .isEqualTo("date.beforeEarliest");
    assertThat(key(PlausibleDates.past("d", LocalDate.of(1899, 12, 31), TODAY)))
        .isEqualTo("date.beforeEarliest");
    assertThat(PlausibleDates.past("d", LocalDate.of(1900, 1, 1), TODAY)).isEmpty();
    assertThat(PlausibleDates.past("d", TODAY, TODAY)).isEmpty();
    assertThat(key(PlausibleDates.past("d", TODAY.plusDays(1), TODAY))).isEqualTo("date.future");
    assertThat(key(PlausibleDates.past("d", TODAY.plusDays(1), TODAY, "x.future")))
        .isEqualTo("x.future");
    assertThat(PlausibleDates.past("d", null, TODAY)).isEmpty();
  }

  @Test
  void aDayThatFollowsBirthCannotComeBeforeIt() {
    LocalDate birth = LocalDate.of(1990, 5, 1);
    assertThat(key(PlausibleDates.pastSinceBirth("d", birth.minusDays(1), TODAY, "f", birth)))
        .isEqualTo("date.beforeBirth");
    assertThat(PlausibleDates.pastSinceBirth("d", birth, TODAY, "f", birth)).isEmpty();
    assertThat(key(PlausibleDates.pastSinceBirth("d", LocalDate.of(0, 1, 1), TODAY, "f", birth)))
        .isEqualTo("date.beforeEarliest");
  }

  @Test
  void anExpiryEndsIn2100() {
    assertThat(key(PlausibleDates.expiry("d", LocalDate.of(9999, 12, 31))))
        .isEqualTo("date.afterLatest");
    assertThat(PlausibleDates.expiry("d", LocalDate.of(2100, 12, 31))).isEmpty();
    assertThat(key(PlausibleDates.expiry("d", LocalDate.of(0, 1, 1))))
        .isEqualTo("date.beforeEarliest");
    assertThat(PlausibleDates.expiry("d", null)).isEmpty();
  }
}
