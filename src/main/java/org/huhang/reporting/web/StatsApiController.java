package org.huhang.reporting.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.huhang.reporting.Reporting;
import org.huhang.reporting.StatsSummary;
import org.huhang.shared.Actor;
import org.huhang.shared.InvalidInputException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The figures under /api/v1/stats: {@code region} (a region code in the asker's scope; default its
 * own region), {@code from} and {@code to} (ISO dates of application receipt, both included;
 * default 1 January of this year to today). A date that cannot be read (2023-02-30 included)
 * answers 400 naming the parameter; a reversed or implausible period 422.
 */
@RestController
class StatsApiController {

  private static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);

  private final Reporting reporting;

  StatsApiController(Reporting reporting) {
    this.reporting = reporting;
  }

  @GetMapping("/api/v1/stats/summary")
  StatsSummary summary(
      Actor actor,
      @RequestParam(required = false) String region,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    reporting.requireReader(actor);
    return reporting.summary(region, day("from", from), day("to", to), actor);
  }

  /** The work-report paragraph as plain text, ready to copy. */
  @GetMapping("/api/v1/stats/report")
  ResponseEntity<String> report(
      Actor actor,
      @RequestParam(required = false) String region,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    reporting.requireReader(actor);
    String text = reporting.report(region, day("from", from), day("to", to), actor);
    return ResponseEntity.ok().contentType(TEXT).body(text);
  }

  private static LocalDate day(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(field, "stats." + field + ".malformed");
    }
  }
}
