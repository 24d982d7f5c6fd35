package org.huhang.outreach.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.huhang.outreach.OutreachEvents;
import org.huhang.outreach.OutreachSearch;
import org.huhang.outreach.OutreachType;
import org.huhang.outreach.internal.OutreachRows;
import org.huhang.outreach.internal.OutreachSpreadsheets;
import org.huhang.shared.Actor;
import org.huhang.shared.web.ImportWeb;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Outreach events in Excel: the export of the list as filtered, the import template, the staged
 * import on its page ({@link OutreachImportApiController} on the API).
 */
@Controller
class OutreachSheetController {

  private static final String XLSX =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private final OutreachSpreadsheets spreadsheets;
  private final OutreachEvents events;
  private final OutreachRows rows;
  private final ImportWeb importWeb;
  private final Clock clock;

  OutreachSheetController(
      OutreachSpreadsheets spreadsheets,
      OutreachEvents events,
      OutreachRows rows,
      ImportWeb importWeb,
      Clock clock) {
    this.spreadsheets = spreadsheets;
    this.events = events;
    this.rows = rows;
    this.importWeb = importWeb;
    this.clock = clock;
  }

  @GetMapping("/outreach-events/export.xlsx")
  void export(
      Actor actor,
      @RequestParam(required = false) OutreachType type,
      @RequestParam(required = false) String region,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      HttpServletResponse response)
      throws IOException {
    // Asked before the download starts: a refusal must not arrive as an attachment.
    spreadsheets.requireExport(actor);
    OutreachSearch search = new OutreachSearch(type, region, from, to, 0, null);
    // An unknown region filter is refused here too, as a page rather than a broken download.
    events.search(new OutreachSearch(type, region, from, to, 0, 1), actor);
    attachment(response, "outreach-events-" + LocalDate.now(clock) + ".xlsx");
    spreadsheets.writeExport(search, actor, response.getOutputStream());
  }

  @GetMapping("/outreach-events/template.xlsx")
  void template(Actor actor, HttpServletResponse response) throws IOException {
    spreadsheets.requireImport(actor);
    attachment(response, "outreach-import-template.xlsx");
    spreadsheets.writeTemplate(actor, response.getOutputStream());
  }

  @GetMapping("/outreach-events/import")
  String importForm(Actor actor, Model model) {
    spreadsheets.requireImport(actor);
    importWeb.blank(model);
    return "outreach/import";
  }

  @PostMapping("/outreach-events/import")
  String preview(
      Actor actor,
      @RequestParam(value = "file", required = false) MultipartFile file,
      Model model) {
    importWeb.preview(rows, file, actor, model);
    return "outreach/import";
  }

  @PostMapping("/outreach-events/import/{token}")
  String confirm(@PathVariable UUID token, Actor actor, Model model, RedirectAttributes redirect) {
    return importWeb.confirm(rows, token, actor, model, redirect, "outreachImport.done")
        ? "redirect:/outreach-events"
        : "outreach/import";
  }

  private static void attachment(HttpServletResponse response, String filename) {
    response.setContentType(XLSX);
    response.setHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"");
  }
}
