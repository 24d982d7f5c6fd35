package org.huhang.audit.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import org.huhang.audit.AuditSearch;
import org.huhang.audit.AuditTrail;
import org.huhang.audit.internal.AuditPolicy;
import org.huhang.audit.internal.AuditSpreadsheet;
import org.huhang.shared.Actor;
import org.huhang.shared.LegalTime;
import org.huhang.shared.web.Pages;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The city administrator's search of the audit trail; the result table is the htmx partial, and the
 * same search downloads as a workbook.
 */
@Controller
class AuditPageController {

  static final int PAGE_SIZE = 50;

  private final AuditTrail audit;
  private final AuditSpreadsheet spreadsheet;
  private final Clock clock;

  AuditPageController(AuditTrail audit, AuditSpreadsheet spreadsheet, Clock clock) {
    this.audit = audit;
    this.spreadsheet = spreadsheet;
    this.clock = clock;
  }

  @GetMapping("/audit")
  String search(
      Actor actor,
      HtmxRequest htmx,
      @RequestParam(required = false) String username,
      @RequestParam(required = false) String action,
      @RequestParam(required = false) String entityType,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) Integer page,
      Model model) {
    AuditSearch search = new AuditSearch(username, action, entityType, from, to, page);
    model.addAttribute("search", search);
    model.addAttribute("entries", audit.search(search, PAGE_SIZE, actor));
    return Pages.fullOrPartial(htmx, "audit/audit", "audit/auditTable");
  }

  @GetMapping("/audit/export.xlsx")
  void export(
      Actor actor,
      @RequestParam(required = false) String username,
      @RequestParam(required = false) String action,
      @RequestParam(required = false) String entityType,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      HttpServletResponse response)
      throws IOException {
    // Asked before the download starts: a refusal must not arrive as an attachment.
    AuditPolicy.requireAuditor(actor);
    response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    response.setHeader(
        "Content-Disposition",
        "attachment; filename=\"audit-"
            + LocalDate.now(clock.withZone(LegalTime.ZONE))
            + ".xlsx\"");
    spreadsheet.write(
        new AuditSearch(username, action, entityType, from, to, null),
        actor,
        LocaleContextHolder.getLocale(),
        response.getOutputStream());
  }
}
