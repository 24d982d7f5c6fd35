package org.huhang.registration.web;

import java.util.UUID;
import org.huhang.registration.internal.ApplicationRows;
import org.huhang.registration.internal.RegistrationPolicy;
import org.huhang.shared.Actor;
import org.huhang.shared.spreadsheet.ImportReport;
import org.huhang.shared.spreadsheet.ImportRows;
import org.huhang.shared.spreadsheet.SpreadsheetRefused;
import org.huhang.shared.spreadsheet.StagedImports;
import org.huhang.shared.web.UploadedFile;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Intake of the registration system's export through the staged import: preview, then confirm. */
@Controller
class ApplicationImportController {

  private final StagedImports imports;
  private final ApplicationRows rows;
  private final RegistrationPolicy policy;
  private final MessageSource messages;

  ApplicationImportController(
      StagedImports imports,
      ApplicationRows rows,
      RegistrationPolicy policy,
      MessageSource messages) {
    this.imports = imports;
    this.rows = rows;
    this.policy = policy;
    this.messages = messages;
  }

  /** The upload form: no service call answers it, so the page asks the policy itself. */
  @GetMapping("/registrations/import")
  String form(Actor actor, Model model) {
    policy.requireRecorder(actor);
    return page(model, null, null);
  }

  @PostMapping("/registrations/import")
  String preview(
      Actor actor,
      @RequestParam(value = "file", required = false) MultipartFile file,
      Model model) {
    UploadedFile upload = UploadedFile.of(file);
    try {
      return page(model, imports.preview(rows, upload.content(), upload.name(), actor), null);
    } catch (SpreadsheetRefused e) {
      return page(
          model,
          null,
          messages.getMessage(e.messageKey(), e.args(), LocaleContextHolder.getLocale()));
    }
  }

  @PostMapping("/registrations/import/{token}")
  String confirm(@PathVariable UUID token, Actor actor, Model model, RedirectAttributes redirect) {
    ImportReport report = imports.confirm(rows, token, actor);
    if (!report.errors().isEmpty()) {
      return page(model, report, null);
    }
    redirect.addFlashAttribute(
        "notice",
        messages.getMessage(
            "applicationImport.done",
            new Object[] {report.newRows(), report.alreadyPresent()},
            LocaleContextHolder.getLocale()));
    return "redirect:/registrations";
  }

  private String page(Model model, ImportReport report, String refusal) {
    model.addAttribute("headers", rows.columns().stream().map(ImportRows.Column::header).toList());
    model.addAttribute("report", report);
    model.addAttribute("refusal", refusal);
    return "registration/import";
  }
}
