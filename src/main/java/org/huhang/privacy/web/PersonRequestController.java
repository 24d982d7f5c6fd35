package org.huhang.privacy.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.huhang.privacy.internal.PersonRequests;
import org.huhang.privacy.internal.PersonRequests.Query;
import org.huhang.shared.Actor;
import org.huhang.shared.DomainException;
import org.huhang.shared.rights.PersonRecord;
import org.huhang.shared.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A person's request: the search form, the records found (by POST, so the number never sits in an
 * address or a log), the copy as JSON or PDF, and a record's correction and erasure, each posted
 * with the request's reference and the person's number, as the copy is.
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

  /**
   * What a record's correction or erasure form sends: the request's query, the record (its kind and
   * id), and for a correction the field and its new value.
   */
  record RecordAction(
      String reference,
      String idNumber,
      String phone,
      String kind,
      String record,
      String field,
      String value) {

    Query query() {
      return new Query(reference, idNumber, phone);
    }
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

  /** Corrects one detail of a record found; the page again, with what was done or refused. */
  @PostMapping("/privacy/requests/correct")
  String correct(RecordAction form, BindingResult bound, Actor actor, Model model) {
    PersonRequests.requireAdministrator(actor);
    return act(
        form,
        bound,
        actor,
        model,
        () ->
            requests.correct(
                form.query(), form.kind(), form.record(), form.field(), form.value(), actor));
  }

  /**
   * The erasure's confirmation: what will go and what will stay, or why the record cannot be
   * erased. Only for a record found for the person within the actor's region (otherwise 404).
   */
  @PostMapping("/privacy/requests/erase/confirm")
  String confirmErase(RecordAction form, BindingResult bound, Actor actor, Model model) {
    PersonRequests.requireAdministrator(actor);
    FormErrors unreadable = FormErrors.of(bound, messages);
    Query q = form.query();
    if (unreadable.any() || !requests.problems(q).isEmpty()) {
      return find(q.reference(), q.idNumber(), q.phone(), actor, model);
    }
    model.addAttribute("query", q);
    model.addAttribute("record", requests.record(q, form.kind(), form.record(), actor));
    return "privacy/eraseConfirm";
  }

  /** Erases a record found, where its module allows; the page again, with what was done. */
  @PostMapping("/privacy/requests/erase")
  String erase(RecordAction form, BindingResult bound, Actor actor, Model model) {
    PersonRequests.requireAdministrator(actor);
    return act(
        form,
        bound,
        actor,
        model,
        () -> requests.erase(form.query(), form.kind(), form.record(), actor));
  }

  /**
   * A step on a record: a problem of the search fields shows at the search form; a problem of the
   * step at its record, with the records found again (an audited search: the step rolled back).
   */
  private String act(
      RecordAction form,
      BindingResult bound,
      Actor actor,
      Model model,
      java.util.function.Supplier<PersonRequests.Result> step) {
    Query q = form.query();
    FormErrors unreadable = FormErrors.of(bound, messages);
    FormErrors search = searchErrors(unreadable);
    if (search.any()) {
      return page(model, q, search, null);
    }
    if (!requests.problems(q).isEmpty()) {
      return find(q.reference(), q.idNumber(), q.phone(), actor, model);
    }
    if (unreadable.any()) {
      return refused(form, unreadable.byField().values().iterator().next(), actor, model);
    }
    try {
      PersonRequests.Result result = step.get();
      model.addAttribute("done", result.done().name());
      return page(model, q, FormErrors.none(), result.found());
    } catch (DomainException e) {
      String message =
          e.problems().isEmpty()
              ? e.getMessage()
              : messages.getMessage(
                  e.problems().get(0).messageKey(),
                  e.problems().get(0).args(),
                  e.problems().get(0).messageKey(),
                  LocaleContextHolder.getLocale());
      return refused(form, message, actor, model);
    }
  }

  private String refused(RecordAction form, String message, Actor actor, Model model) {
    model.addAttribute(
        "problem", new RecordProblem(form.kind(), form.record(), form.field(), message));
    return find(form.reference(), form.idNumber(), form.phone(), actor, model);
  }

  /** The binding problems of the search fields, which the search form shows. */
  private static FormErrors searchErrors(FormErrors unreadable) {
    Map<String, String> search = new LinkedHashMap<>();
    for (String field : List.of("reference", "idNumber", "phone")) {
      if (unreadable.has(field)) {
        search.put(field, unreadable.get(field));
      }
    }
    return new FormErrors(search, unreadable.typed());
  }

  private String page(
      Model model, Query q, FormErrors errors, Map<String, List<PersonRecord>> found) {
    model.addAttribute("query", q);
    model.addAttribute("errors", errors);
    model.addAttribute("found", found);
    if (!model.containsAttribute("done")) {
      model.addAttribute("done", null);
    }
    if (!model.containsAttribute("problem")) {
      model.addAttribute("problem", null);
    }
    return "privacy/requests";
  }
}
