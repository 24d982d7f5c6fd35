package org.huhang.outreach.web;

import org.huhang.outreach.internal.OutreachRows;
import org.huhang.shared.Actor;
import org.huhang.shared.spreadsheet.ImportReport;
import org.huhang.shared.web.ImportWeb;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The outreach sheet imported through the API, as the volunteer sheet is. */
@RestController
class OutreachImportApiController {

  private final OutreachRows rows;
  private final ImportWeb importWeb;

  OutreachImportApiController(OutreachRows rows, ImportWeb importWeb) {
    this.rows = rows;
    this.importWeb = importWeb;
  }

  /** With {@code dryRun} only the report; otherwise every new row at once; 422 if a row is bad. */
  @PostMapping("/api/v1/outreach-events/import")
  ResponseEntity<ImportReport> importSheet(
      Actor actor,
      @RequestParam(value = "file", required = false) MultipartFile file,
      @RequestParam(defaultValue = "false") boolean dryRun) {
    return importWeb.api(rows, file, dryRun, actor);
  }
}
