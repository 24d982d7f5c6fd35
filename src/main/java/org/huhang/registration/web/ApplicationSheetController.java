package org.huhang.registration.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.huhang.registration.ApplicationSearch;
import org.huhang.registration.ApplicationView;
import org.huhang.registration.DivorceApplications;
import org.huhang.registration.internal.RegistrationPolicy;
import org.huhang.shared.Actor;
import org.huhang.shared.spreadsheet.SheetWriter;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

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
      Actor actor, @ModelAttribute("search") ApplicationSearch search, HttpServletResponse response)
      throws IOException {
    // Asked before the download starts: a refusal must not arrive as an attachment.
    policy.requireFollower(actor);
    response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    response.setHeader(
        "Content-Disposition",
        "attachment; filename=\"applications-" + LocalDate.now(clock) + ".xlsx\"");
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
    SheetWriter sheet =
        SheetWriter.open(
            response.getOutputStream(),
            zh("applications.sheet"),
            headers.stream().map(h -> zh("applications.column." + h)).toList());
    applications.forEachMatch(
        search,
        actor,
        a ->
            sheet.row(
                java.util.Arrays.asList(
                    a.receivedOn().toString(),
                    a.partyA().name(),
                    a.partyA().idNumberMasked(),
                    a.partyB().name(),
                    a.partyB().idNumberMasked(),
                    a.dates() == null ? "" : a.dates().withdrawalDeadline().toString(),
                    zh("outcome." + a.outcome().name()),
                    a.outcomeOn() == null ? "" : a.outcomeOn().toString(),
                    zh(counseling(a)))));
    sheet.finish();
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
