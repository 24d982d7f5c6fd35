package org.huhang.registration.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.huhang.registration.ApplicationSearch;
import org.huhang.registration.ApplicationView;
import org.huhang.registration.DivorceApplications;
import org.huhang.registration.Outcome;
import org.huhang.registration.internal.RegistrationPolicy;
import org.huhang.shared.Actor;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The application list as Excel, with the list's filters; numbers masked as on the screen. */
@Controller
class ApplicationSheetController {

  private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

  private final DivorceApplications applications;
  private final RegistrationPolicy policy;
  private final MessageSource messages;
  private final Clock clock;

  ApplicationSheetController(
      DivorceApplications applications,
      RegistrationPolicy policy,
      MessageSource messages,
      Clock clock) {
    this.applications = applications;
    this.policy = policy;
    this.messages = messages;
    this.clock = clock;
  }

  @GetMapping("/registrations/export.xlsx")
  void export(
      Actor actor,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) Outcome outcome,
      @RequestParam(required = false) Boolean counselingAccepted,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      HttpServletResponse response)
      throws IOException {
    // Asked before the download starts: a refusal must not arrive as an attachment.
    policy.requireFollower(actor);
    response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    response.setHeader(
        "Content-Disposition",
        "attachment; filename=\"applications-" + LocalDate.now(clock) + ".xlsx\"");
    ApplicationSearch search =
        new ApplicationSearch(q, outcome, counselingAccepted, from, to, null, null);
    Workbook wb = new Workbook(response.getOutputStream(), "Huhang", "1.0");
    Worksheet ws = wb.newWorksheet(zh("applications.sheet"));
    List<String> headers =
        List.of(
            "receivedOn",
            "partyA",
            "partyAId",
            "partyB",
            "partyBId",
            "withdrawalDeadline",
            "outcome",
            "outcomeOn",
            "counseling");
    for (int c = 0; c < headers.size(); c++) {
      ws.value(0, c, zh("applications.column." + headers.get(c)));
    }
    ws.range(0, 0, 0, headers.size() - 1).style().bold().set();
    int[] row = {1};
    applications.forEachMatch(
        search,
        actor,
        a -> {
          int r = row[0]++;
          ws.value(r, 0, a.receivedOn().toString());
          ws.value(r, 1, a.partyA().name());
          ws.value(r, 2, a.partyA().idNumberMasked());
          ws.value(r, 3, a.partyB().name());
          ws.value(r, 4, a.partyB().idNumberMasked());
          ws.value(r, 5, a.dates() == null ? "" : a.dates().withdrawalDeadline().toString());
          ws.value(r, 6, zh("outcome." + a.outcome().name()));
          ws.value(r, 7, a.outcomeOn() == null ? "" : a.outcomeOn().toString());
          ws.value(r, 8, zh(counseling(a)));
          if (r % 1000 == 0) {
            try {
              ws.flush();
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          }
        });
    wb.finish();
  }

  private static String counseling(ApplicationView a) {
    if (!a.counselingOffered()) {
      return "application.counseling.notOffered";
    }
    if (!a.counselingAccepted()) {
      return "application.counseling.declined";
    }
    return a.caseOpened() ? "application.counseling.caseOpened" : "application.counseling.accepted";
  }

  private String zh(String key) {
    return messages.getMessage(key, null, key, ZH);
  }
}
