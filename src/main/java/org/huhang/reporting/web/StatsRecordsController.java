package org.huhang.reporting.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.huhang.region.RegionView;
import org.huhang.region.Regions;
import org.huhang.registration.ApplicationId;
import org.huhang.registration.DivorceApplications;
import org.huhang.reporting.RecordFigure;
import org.huhang.reporting.Reporting;
import org.huhang.shared.Actor;
import org.huhang.shared.DomainException;
import org.huhang.shared.LegalTime;
import org.huhang.shared.Paged;
import org.huhang.shared.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The records behind a headline figure of /stats (/stats/records): the applications {@link
 * Reporting#recordsBehind} names for the same region, period, scope and roles, 50 a page, masked as
 * the registration lists show them, each linked to its page when registration lets the user open
 * it. The analyst (figures only, never a person), registrars and counselors 403; a region outside
 * the scope 404; an unknown figure or an unreadable period 422 on the page, saying which field.
 */
@Controller
class StatsRecordsController {

  static final int PAGE_SIZE = 50;

  private final Reporting reporting;
  private final DivorceApplications applications;
  private final Regions regions;
  private final MessageSource messages;
  private final Clock clock;

  StatsRecordsController(
      Reporting reporting,
      DivorceApplications applications,
      Regions regions,
      MessageSource messages,
      Clock clock) {
    this.reporting = reporting;
    this.applications = applications;
    this.regions = regions;
    this.messages = messages;
    this.clock = clock;
  }

  @GetMapping("/stats/records")
  String records(
      Actor actor,
      @RequestParam(required = false) String figure,
      @RequestParam(required = false) String region,
      @RequestParam(required = false) String period,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) Integer page,
      @RequestHeader(name = "HX-Request", required = false) String htmx,
      HttpServletResponse response,
      Model model) {
    reporting.requireRecordReader(actor);
    RegionView shown = reporting.region(region, actor);
    LocalDate today = LocalDate.now(clock.withZone(LegalTime.ZONE));
    StatsPeriod asked = StatsPeriod.of(period, from, to, today);
    List<DomainException.FieldProblem> problems = new ArrayList<>(asked.problems());
    Optional<RecordFigure> chosen =
        figure == null || figure.isBlank()
            ? Optional.of(RecordFigure.APPLICATIONS)
            : RecordFigure.of(figure);
    if (chosen.isEmpty()) {
      problems.add(
          new DomainException.FieldProblem("figure", "stats.records.figure.unknown", null));
    }
    model.addAttribute("back", "/stats?region=" + shown.code());
    List<ApplicationId> ids = null;
    DomainException refused = problems.isEmpty() ? null : new DomainException(problems);
    if (refused == null) {
      try {
        ids =
            reporting.recordsBehind(chosen.get(), shown.code(), asked.start(), asked.end(), actor);
      } catch (DomainException e) {
        refused = e;
      }
    }
    if (refused != null) {
      response.setStatus(422);
      model.addAttribute("errors", FormErrors.of(refused, messages));
      model.addAttribute("records", null);
      return "reporting/records";
    }
    int at = Paged.clampPage(page);
    int first = (int) Math.min((long) at * PAGE_SIZE, ids.size());
    List<ApplicationId> slice = ids.subList(first, Math.min(first + PAGE_SIZE, ids.size()));
    boolean link = applications.mayOpen(actor);
    Map<String, String> names = new HashMap<>();
    List<StatsRecords.Row> rows =
        applications.inOrder(slice, actor).stream()
            .map(
                a ->
                    new StatsRecords.Row(
                        a,
                        names.computeIfAbsent(
                            a.officeRegionCode(),
                            c -> regions.find(c).map(RegionView::name).orElse(c)),
                        link))
            .toList();
    String from0 = asked.start() == null ? "" : asked.start().toString();
    String to0 = asked.end() == null ? "" : asked.end().toString();
    StatsForm dated = new StatsForm(shown.code(), asked.preset(), from0, to0);
    model.addAttribute("back", "/stats" + dated.query(shown.code()));
    model.addAttribute("errors", FormErrors.none());
    model.addAttribute(
        "records",
        new StatsRecords(
            chosen.get().key(),
            shown.name(),
            from0,
            to0,
            "/stats/records" + dated.query(shown.code()) + "&figure=" + chosen.get().key() + "&",
            new Paged<>(rows, at, PAGE_SIZE, ids.size())));
    return htmx != null ? "reporting/recordsList" : "reporting/records";
  }
}
