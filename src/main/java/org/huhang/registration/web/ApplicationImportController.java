package org.huhang.registration.web;

import java.io.IOException;
import java.util.UUID;
import org.huhang.registration.internal.ApplicationImport;
import org.huhang.registration.internal.RegistrationPolicy;
import org.huhang.shared.Actor;
import org.huhang.shared.spreadsheet.SpreadsheetRefused;
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

/** Intake of the registration system's export, on a page (preview, confirm) and on the API. */
@Controller
class ApplicationImportController {

  private final ApplicationImport imports;
  private final RegistrationPolicy policy;
  private final MessageSource messages;

  ApplicationImportController(
      ApplicationImport imports, RegistrationPolicy policy, MessageSource messages) {
    this.imports = imports;
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
      Actor actor, @RequestParam(value = "file", required = false) MultipartFile file, Model model)
      throws IOException {
    try {
      return page(model, imports.preview(bytes(file), name(file), actor), null);
    } catch (SpreadsheetRefused e) {
      return page(
          model,
          null,
          messages.getMessage(e.messageKey(), e.args(), LocaleContextHolder.getLocale()));
    }
  }

  @PostMapping("/registrations/import/{token}")
  String confirm(@PathVariable UUID token, Actor actor, Model model, RedirectAttributes redirect) {
    ApplicationImport.Report report = imports.confirm(token, actor);
    if (!report.errors().isEmpty()) {
      return page(model, report, null);
    }
    redirect.addFlashAttribute(
        "notice",
        messages.getMessage(
            "applicationImport.done",
            new Object[] {report.newRows(), report.alreadyRecorded()},
            LocaleContextHolder.getLocale()));
    return "redirect:/registrations";
  }

  private String page(Model model, ApplicationImport.Report report, String refusal) {
    model.addAttribute("headers", imports.headers());
    model.addAttribute("report", report);
    model.addAttribute("refusal", refusal);
    return "registration/import";
  }

  static byte[] bytes(MultipartFile file) throws IOException {
    return file == null ? new byte[0] : file.getBytes();
  }

  static String name(MultipartFile file) {
    return file == null ? null : file.getOriginalFilename();
  }
}
