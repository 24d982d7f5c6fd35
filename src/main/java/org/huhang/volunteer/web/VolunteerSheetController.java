package org.huhang.volunteer.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.huhang.shared.Actor;
import org.huhang.shared.web.ImportWeb;
import org.huhang.volunteer.VolunteerSearch;
import org.huhang.volunteer.internal.VolunteerPolicy;
import org.huhang.volunteer.internal.VolunteerRows;
import org.huhang.volunteer.internal.VolunteerSpreadsheets;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Volunteers in Excel: the export of a search, the import template, the staged import. */
@Controller
class VolunteerSheetController {

  private final VolunteerSpreadsheets spreadsheets;
  private final ImportWeb importWeb;
  private final VolunteerRows rows;
  private final VolunteerPolicy policy;
  private final Clock clock;

  VolunteerSheetController(
      VolunteerSpreadsheets spreadsheets,
      ImportWeb importWeb,
      VolunteerRows rows,
      VolunteerPolicy policy,
      Clock clock) {
    this.spreadsheets = spreadsheets;
    this.importWeb = importWeb;
    this.rows = rows;
    this.policy = policy;
    this.clock = clock;
  }

  @GetMapping("/volunteers/export.xlsx")
  void export(
      Actor actor, @ModelAttribute("search") VolunteerSearch search, HttpServletResponse response)
      throws IOException {
    // Asked before the download starts: a refusal must not arrive as an attachment.
    policy.requireManage(actor);
    attachment(response, "volunteers-" + LocalDate.now(clock) + ".xlsx");
    spreadsheets.writeExport(search, actor, response.getOutputStream());
  }

  @GetMapping("/volunteers/template.xlsx")
  void template(Actor actor, HttpServletResponse response) throws IOException {
    // Asked before the download starts: a refusal must not arrive as an attachment.
    policy.requireManage(actor);
    attachment(response, "volunteer-import-template.xlsx");
    spreadsheets.writeTemplate(response.getOutputStream());
  }

  @GetMapping("/volunteers/import")
  String importForm(Actor actor, Model model) {
    policy.requireManage(actor);
    importWeb.blank(model);
    return "volunteer/import";
  }

  @PostMapping("/volunteers/import")
  String preview(
      Actor actor,
      @RequestParam(value = "file", required = false) MultipartFile file,
      Model model) {
    importWeb.preview(rows, file, actor, model);
    return "volunteer/import";
  }

  @PostMapping("/volunteers/import/{token}")
  String confirm(@PathVariable UUID token, Actor actor, Model model, RedirectAttributes redirect) {
    return importWeb.confirm(rows, token, actor, model, redirect, "volunteerImport.done")
        ? "redirect:/volunteers"
        : "volunteer/import";
  }

  private static void attachment(HttpServletResponse response, String filename) {
    response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    response.setHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"");
  }
}
