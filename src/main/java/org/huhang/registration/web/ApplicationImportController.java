package org.huhang.registration.web;

import java.util.UUID;
import org.huhang.registration.internal.ApplicationRows;
import org.huhang.registration.internal.RegistrationPolicy;
import org.huhang.shared.Actor;
import org.huhang.shared.spreadsheet.ImportRows;
import org.huhang.shared.web.ImportWeb;
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

  private final ImportWeb importWeb;
  private final ApplicationRows rows;
  private final RegistrationPolicy policy;

  ApplicationImportController(
      ImportWeb importWeb, ApplicationRows rows, RegistrationPolicy policy) {
    this.importWeb = importWeb;
    this.rows = rows;
    this.policy = policy;
  }

  /** The upload form: no service call answers it, so the page asks the policy itself. */
  @GetMapping("/registrations/import")
  String form(Actor actor, Model model) {
    policy.requireRecorder(actor);
    importWeb.blank(model);
    return page(model);
  }

  @PostMapping("/registrations/import")
  String preview(
      Actor actor,
      @RequestParam(value = "file", required = false) MultipartFile file,
      Model model) {
    importWeb.preview(rows, file, actor, model);
    return page(model);
  }

  @PostMapping("/registrations/import/{token}")
  String confirm(@PathVariable UUID token, Actor actor, Model model, RedirectAttributes redirect) {
    return importWeb.confirm(rows, token, actor, model, redirect, "applicationImport.done")
        ? "redirect:/registrations"
        : page(model);
  }

  private String page(Model model) {
    model.addAttribute("headers", rows.columns().stream().map(ImportRows.Column::header).toList());
    return "registration/import";
  }
}
