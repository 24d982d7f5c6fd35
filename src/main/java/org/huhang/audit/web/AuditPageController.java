package org.huhang.audit.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import java.time.LocalDate;
import org.huhang.audit.AuditSearch;
import org.huhang.audit.AuditTrail;
import org.huhang.shared.Actor;
import org.huhang.shared.web.Pages;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The city administrator's search of the audit trail; the result table is the htmx partial. */
@Controller
class AuditPageController {

  static final int PAGE_SIZE = 50;

  private final AuditTrail audit;

  AuditPageController(AuditTrail audit) {
    this.audit = audit;
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
}
