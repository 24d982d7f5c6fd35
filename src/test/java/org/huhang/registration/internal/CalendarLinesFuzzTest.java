package org.huhang.registration.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.huhang.shared.DomainException;

/**
 * Fuzz test of the holiday calendar's text format (issue 9): {@link HolidayCalendars#lines} and
 * {@link HolidayCalendars#reason} never throw; every refusal is one of the documented keys, and an
 * entry they accept is one the save can store (its day parses, in the year, with a kind).
 */
class CalendarLinesFuzzTest {

  static final Set<String> REASONS =
      Set.of(
          "calendar.row.date",
          "calendar.row.otherYear",
          "calendar.row.kind",
          "calendar.row.name",
          "calendar.row.workday");

  @FuzzTest(maxDuration = "60s")
  void lines(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    List<DomainException.FieldProblem> problems = new ArrayList<>();
    List<HolidayCalendars.Entry> entries = HolidayCalendars.lines(text, problems);
    for (DomainException.FieldProblem p : problems) {
      assertThat(p.messageKey()).isEqualTo("calendar.row.format");
      assertThat(p.field()).startsWith("days.");
    }
    for (HolidayCalendars.Entry e : entries) {
      if (e.blank()) {
        continue;
      }
      for (int year : new int[] {2026, 2027}) {
        String reason = HolidayCalendars.reason(e, year);
        if (reason == null) {
          LocalDate day = LocalDate.parse(e.day().strip());
          assertThat(day.getYear()).isEqualTo(year);
          assertThat(e.name().strip()).isNotEmpty().hasSizeLessThanOrEqualTo(40);
        } else {
          assertThat(reason).isIn(REASONS);
        }
      }
    }
  }
}
