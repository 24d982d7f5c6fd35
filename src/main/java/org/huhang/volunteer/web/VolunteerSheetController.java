package org.huhang.volunteer.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.huhang.shared.Actor;
import org.huhang.shared.spreadsheet.ImportReport;
import org.huhang.shared.spreadsheet.SpreadsheetRefused;
import org.huhang.shared.spreadsheet.StagedImports;
import org.huhang.shared.web.UploadedFile;
import org.huhang.volunteer.VolunteerSearch;
import org.huhang.volunteer.internal.VolunteerPolicy;
import org.huhang.volunteer.internal.VolunteerRows;
import org.huhang.volunteer.internal.VolunteerSpreadsheets;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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
  private final StagedImports imports;
  private final VolunteerRows rows;
  private final VolunteerPolicy policy;
  private final MessageSource messages;
  private final Clock clock;

  VolunteerSheetController(
      VolunteerSpreadsheets spreadsheets,
      StagedImports imports,
      VolunteerRows rows,
      VolunteerPolicy policy,
      MessageSource messages,
      Clock clock) {
    this.spreadsheets = spreadsheets;
    this.imports = imports;
    this.rows = rows;
    this.policy = policy;
    this.messages = messages;
    this.clock = clock;
  }

  @GetMapping("/volunteers/export.xlsx")
  void export(
      Actor actor, @ModelAttribute("search") VolunteerSearch search, HttpServletResponse response)
      throws IOException {
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
    model.addAttribute("report", null);
    model.addAttribute("refusal", null);
    return "volunteer/import";
  }

  @PostMapping("/volunteers/import")
  String preview(
      Actor actor,
      @RequestParam(value = "file", required = false) MultipartFile file,
      Model model) {
    UploadedFile upload = UploadedFile.of(file);
    try {
      model.addAttribute("report", imports.preview(rows, upload.content(), upload.name(), actor));
      model.addAttribute("refusal", null);
    } catch (SpreadsheetRefused e) {
      model.addAttribute("report", null);
      model.addAttribute(
          "refusal",
          messages.getMessage(e.messageKey(), e.args(), LocaleContextHolder.getLocale()));
    }
    return "volunteer/import";
  }

  @PostMapping("/volunteers/import/{token}")
  String confirm(@PathVariable UUID token, Actor actor, Model model, RedirectAttributes redirect) {
    ImportReport report = imports.confirm(rows, token, actor);
    if (!report.errors().isEmpty()) {
      model.addAttribute("report", report);
      model.addAttribute("refusal", null);
      return "volunteer/import";
    }
    redirect.addFlashAttribute(
        "notice",
        messages.getMessage(
            "volunteerImport.done",
            new Object[] {report.newRows(), report.alreadyPresent()},
            LocaleContextHolder.getLocale()));
    return "redirect:/volunteers";
  }

  private static void attachment(HttpServletResponse response, String filename) {
    response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    response.setHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"");
  }
}
