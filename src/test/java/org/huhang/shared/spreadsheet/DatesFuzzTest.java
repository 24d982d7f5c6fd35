package org.huhang.shared.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Optional;
import org.huhang.shared.PlausibleDates;

/**
 * Fuzz test of date parsing (issue 9): a spreadsheet's date cell ({@link Dates#parseLoose}) and the
 * plausibility rule never throw; a parsed date has a four-digit year, and the rule answers a
 * documented key for anything before 1900, after today or after 2100.
 */
class DatesFuzzTest {

  static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

  @FuzzTest(maxDuration = "60s")
  void parseLoose(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    Optional<LocalDate> day = Dates.parseLoose(text);
    if (day.isEmpty()) {
      return;
    }
    assertThat(day.get().getYear()).isBetween(0, 9999);
    String key = PlausibleDates.past("d", day.get(), TODAY).map(p -> p.messageKey()).orElse("fine");
    assertThat(key).isIn("fine", "date.beforeEarliest", "date.future");
    String expiry = PlausibleDates.expiry("d", day.get()).map(p -> p.messageKey()).orElse("fine");
    assertThat(expiry).isIn("fine", "date.beforeEarliest", "date.afterLatest");
  }
}
