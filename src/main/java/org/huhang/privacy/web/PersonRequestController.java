package org.huhang.privacy.web;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.huhang.privacy.internal.PersonRequests;
import org.huhang.privacy.internal.PersonRequests.Query;
import org.huhang.shared.Actor;
import org.huhang.shared.DomainException;
import org.huhang.shared.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A person's request to see and copy its records: the search form, the records found (by POST, so
 * the number never sits in an address or a log), and the copy as JSON or PDF.
 */
@Controller
class PersonRequestController {

  private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

  private final PersonRequests requests;
  private final MessageSource messages;

  PersonRequestController(PersonRequests requests, MessageSource messages) {
    this.requests = requests;
    this.messages = messages;
  }

  @GetMapping("/privacy/requests")
  String form(Actor actor, Model model) {
    PersonRequests.requireAdministrator(actor);
    return page(model, new Query(null, null, null), FormErrors.none(), null);
  }

  @PostMapping("/privacy/requests")
  String find(
      @RequestParam(required = false) String reference,
      @RequestParam(required = false) String idNumber,
      @RequestParam(required = false) String phone,
      Actor actor,
      Model model) {
    PersonRequests.requireAdministrator(actor);
    Query q = new Query(reference, idNumber, phone);
    try {
      return page(model, q, FormErrors.none(), requests.find(q, actor));
    } catch (DomainException e) {
      return page(model, q, FormErrors.of(e, messages), null);
    }
  }

  @PostMapping("/privacy/requests/copy")
  Object copy(
      @RequestParam(required = false) String reference,
      @RequestParam(required = false) String idNumber,
      @RequestParam(required = false) String phone,
      @RequestParam(required = false) String format,
      Actor actor,
      Model model) {
    PersonRequests.requireAdministrator(actor);
    Query q = new Query(reference, idNumber, phone);
    PersonRequests.Copy copy;
    try {
      copy = requests.copy(q, actor);
    } catch (DomainException e) {
      return page(model, q, FormErrors.of(e, messages), null);
    }
    java.util.function.Function<String, String> kind =
        k -> messages.getMessage("rights.kind." + k, null, k, ZH);
    String title = messages.getMessage("rights.copy.title", null, ZH);
    boolean json = "json".equals(format);
    byte[] body =
        json
            ? PersonRequests.json(copy, kind)
            : PersonRequests.pdf(copy, actor.regionName() + "妇女联合会", title, kind);
    return ResponseEntity.ok()
        .contentType(json ? MediaType.APPLICATION_JSON : MediaType.APPLICATION_PDF)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(title + (json ? ".json" : ".pdf"), StandardCharsets.UTF_8)
                .build()
                .toString())
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(body);
  }

  private String page(
      Model model,
      Query q,
      FormErrors errors,
      java.util.Map<String, java.util.List<org.huhang.shared.rights.PersonRecord>> found) {
    model.addAttribute("query", q);
    model.addAttribute("errors", errors);
    model.addAttribute("found", found);
    return "privacy/requests";
  }
}
