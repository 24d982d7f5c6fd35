package org.huhang.shared.web;

import java.util.UUID;
import org.huhang.shared.Actor;
import org.huhang.shared.spreadsheet.ImportReport;
import org.huhang.shared.spreadsheet.ImportRows;
import org.huhang.shared.spreadsheet.SpreadsheetRefused;
import org.huhang.shared.spreadsheet.StagedImports;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The staged import on a page and on the API, the same for every module: a module's controller
 * names its rows and its page, this does the rest. The page's model gets {@code report} and {@code
 * refusal}, which {@code shared/importPanel.jte} renders.
 */
@Component
public class ImportWeb {

  private final StagedImports imports;
  private final MessageSource messages;

  ImportWeb(StagedImports imports, MessageSource messages) {
    this.imports = imports;
    this.messages = messages;
  }

  /**
   * The API: with {@code dryRun} only the report, nothing kept; otherwise every new row at once.
   * 422 with the row errors when any row is bad.
   */
  public <T> ResponseEntity<ImportReport> api(
      ImportRows<T> rows, MultipartFile file, boolean dryRun, Actor actor) {
    UploadedFile upload = UploadedFile.of(file);
    ImportReport report =
        dryRun
            ? imports.dryRun(rows, upload.content(), upload.name(), actor)
            : imports.importNow(rows, upload.content(), upload.name(), actor);
    return ResponseEntity.status(
            report.errors().isEmpty() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT)
        .body(report);
  }

  /** The empty upload form. */
  public void blank(Model model) {
    model.addAttribute("report", null);
    model.addAttribute("refusal", null);
  }

  /** The preview of an uploaded file, or why the file cannot be read at all. */
  public <T> void preview(ImportRows<T> rows, MultipartFile file, Actor actor, Model model) {
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
  }

  /**
   * Confirms a previewed file. True when it is imported (the notice {@code doneKey}, with the new
   * and skipped counts, waits for the next page); false when it no longer is, with the report in
   * the model.
   */
  public <T> boolean confirm(
      ImportRows<T> rows,
      UUID token,
      Actor actor,
      Model model,
      RedirectAttributes redirect,
      String doneKey) {
    ImportReport report = imports.confirm(rows, token, actor);
    if (!report.errors().isEmpty()) {
      model.addAttribute("report", report);
      model.addAttribute("refusal", null);
      return false;
    }
    redirect.addFlashAttribute(
        "notice",
        messages.getMessage(
            doneKey,
            new Object[] {report.newRows(), report.alreadyPresent()},
            LocaleContextHolder.getLocale()));
    return true;
  }
}
