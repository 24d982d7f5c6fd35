package org.huhang.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import org.huhang.shared.LegalTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuietHoursTest {

  private static Instant china(String dateTime) {
    return LocalDateTime.parse(dateTime).atZone(LegalTime.ZONE).toInstant();
  }

  @ParameterizedTest
  @CsvSource({
    "2027-01-05T07:59:59, 2027-01-05T08:00",
    "2027-01-05T00:00,    2027-01-05T08:00",
    "2027-01-05T08:00,    2027-01-05T08:00",
    "2027-01-05T14:30,    2027-01-05T14:30",
    "2027-01-05T20:59:59, 2027-01-05T20:59:59",
    "2027-01-05T21:00,    2027-01-06T08:00",
    "2027-01-05T23:59,    2027-01-06T08:00",
    "2026-12-31T22:00,    2027-01-01T08:00"
  })
  void aTextMessageGoesOutsideNineInTheEveningToEightInTheMorningChinaTime(
      String now, String earliest) {
    assertThat(QuietHours.earliestSms(china(now))).isEqualTo(china(earliest));
    assertThat(QuietHours.quiet(china(now))).isEqualTo(!now.equals(earliest));
  }

  @ParameterizedTest
  @CsvSource({"1, 30", "2, 60", "3, 120", "7, 1920", "8, 3600", "30, 3600"})
  void retriesWaitThirtySecondsDoublingUpToAnHour(int attempts, long seconds) {
    assertThat(OutboxWorker.backoff(attempts)).isEqualTo(Duration.ofSeconds(seconds));
  }
}
