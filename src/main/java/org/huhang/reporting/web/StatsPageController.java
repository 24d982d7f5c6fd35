package org.huhang.reporting.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.huhang.region.RegionView;
import org.huhang.reporting.Reporting;
import org.huhang.reporting.StatsSummary;
import org.huhang.shared.Actor;
import org.huhang.shared.DomainException;
import org.huhang.shared.LegalTime;
import org.huhang.shared.demo.DemoHistory;
import org.huhang.shared.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The dashboard (统计) at /stats: the figures of a region in scope and a period, as cards, charts and
 * a sortable table of the child regions, all from {@link Reporting#summary} (the API's figures,
 * never computed a second way). A GET form: {@code region}, {@code period} (month, year, since2018,
 * custom) and for a custom period {@code from} and {@code to}; {@code sort} and {@code dir} order
 * the table. Unreadable or implausible dates: the page with the field's error; a region outside the
 * scope 404; a role without figures 403.
 */
@Controller
class StatsPageController {

  private final Reporting reporting;
  private final MessageSource messages;
  private final Clock clock;
  private final DemoHistory history;

  StatsPageController(
      Reporting reporting, MessageSource messages, Clock clock, DemoHistory history) {
    this.reporting = reporting;
    this.messages = messages;
    this.clock = clock;
    this.history = history;
  }

  @GetMapping("/stats")
  String stats(
      Actor actor,
      @RequestParam(required = false) String region,
      @RequestParam(required = false) String period,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String sort,
      @RequestParam(required = false) String dir,
      Model model) {
    reporting.requireReader(actor);
    List<RegionView> choices = new ArrayList<>(reporting.regionChoices(actor));
    LocalDate today = LocalDate.now(clock.withZone(LegalTime.ZONE));
    StatsPeriod asked = StatsPeriod.of(period, from, to, today);
    String preset = asked.preset();
    List<DomainException.FieldProblem> problems = asked.problems();
    LocalDate start = asked.start();
    LocalDate end = asked.end();
    StatsSummary summary = null;
    FormErrors errors = FormErrors.none();
    if (problems.isEmpty()) {
      try {
        summary = reporting.summary(region, start, end, actor);
      } catch (DomainException e) {
        errors = FormErrors.of(e, messages);
      }
    } else {
      // The region is checked even so: another county's code answers 404, not a form error.
      reporting.summary(region, today, today, actor);
      errors = FormErrors.of(new DomainException(problems), messages);
    }
    String shown = summary != null ? summary.regionCode() : region;
    String code = summary != null ? summary.regionCode() : null;
    if (code != null && choices.stream().noneMatch(c -> c.code().equals(code))) {
      choices.add(
          new RegionView(summary.regionCode(), null, summary.name(), summary.level(), "", false));
    }
    StatsForm form =
        new StatsForm(
            shown == null || shown.isBlank() ? choices.get(0).code() : shown.strip(),
            preset,
            summary != null ? summary.from().toString() : text(from),
            summary != null ? summary.to().toString() : text(to));
    model.addAttribute("form", form);
    model.addAttribute("choices", choices);
    model.addAttribute("errors", errors);
    // The figures shown were read while the history loaded: the page says how far it got.
    model.addAttribute("history", summary == null || summary.complete() ? null : history.state());
    model.addAttribute(
        "dashboard",
        summary == null
            ? null
            : Dashboard.of(
                summary,
                reporting.report(summary),
                sort,
                dir,
                messages,
                reporting.mayListRecords(actor)));
    return "reporting/stats";
  }

  private static String text(String value) {
    return value == null ? "" : org.huhang.shared.text.ControlCharacters.removed(value.strip());
  }
}
