package org.huhang.casework.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.huhang.casework.CaseDetail;
import org.huhang.casework.CaseId;
import org.huhang.casework.CaseSearch;
import org.huhang.casework.EditCase;
import org.huhang.casework.OpenCase;
import org.huhang.casework.internal.CaseFile;
import org.huhang.casework.internal.CaseQueries;
import org.huhang.casework.internal.CaseTimeline;
import org.huhang.casework.internal.CaseworkPolicy;
import org.huhang.shared.Actor;
import org.huhang.shared.DomainException;
import org.huhang.shared.web.FormErrors;
import org.huhang.shared.web.Pages;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The case list, opening a case by hand, a case's overview with its timeline, and its edit form.
 */
@Controller
class CasePageController {

  private final CaseFile cases;
  private final CaseQueries queries;
  private final CaseTimeline timeline;
  private final CaseworkPolicy policy;
  private final MessageSource messages;

  CasePageController(
      CaseFile cases,
      CaseQueries queries,
      CaseTimeline timeline,
      CaseworkPolicy policy,
      MessageSource messages) {
    this.cases = cases;
    this.queries = queries;
    this.timeline = timeline;
    this.policy = policy;
    this.messages = messages;
  }

  /**
   * The open and edit forms bind lists of records (parties[0].name, relatedPersons[1].relation) by
   * their constructors; the binder's later setter pass has nothing to set on a record.
   */
  @org.springframework.web.bind.annotation.InitBinder("form")
  void recordsOnly(
      org.springframework.web.bind.WebDataBinder binder,
      org.springframework.web.context.request.WebRequest request) {
    binder.setIgnoreInvalidFields(true);
    // A list index beyond what a form can hold would make the binder grow a list that long.
    for (String name : request.getParameterMap().keySet()) {
      java.util.regex.Matcher index = LIST_INDEX.matcher(name);
      while (index.find()) {
        String row = index.group(1);
        if (row.startsWith("-") || row.length() > 3 || Integer.parseInt(row) >= MAX_ROWS) {
          throw new org.springframework.beans.InvalidPropertyException(
              OpenCase.class, name, "no such row");
        }
      }
    }
  }

  /** More rows than any case form holds (two parties, twenty relatives). */
  static final int MAX_ROWS = 25;

  private static final java.util.regex.Pattern LIST_INDEX =
      java.util.regex.Pattern.compile("\\[(-?\\d+)]");

  /** One handler for the list and its htmx partial (the filter form swaps the table). */
  @GetMapping("/cases")
  String list(
      @ModelAttribute("search") CaseSearch search, Actor actor, Model model, HtmxRequest htmx) {
    model.addAttribute("page", queries.search(search, actor));
    model.addAttribute("search", search);
    model.addAttribute("mayOpen", policy.mayManage(actor));
    model.addAttribute("mayKeepDictionary", actor.is(org.huhang.shared.Role.CITY_ADMIN));
    model.addAttribute("categories", queries.categories());
    return Pages.fullOrPartial(htmx, "casework/cases", "casework/caseTable");
  }

  @GetMapping("/cases/new")
  String openForm(Actor actor, Model model) {
    return openPage(actor, model, emptyOpen(), FormErrors.none());
  }

  @PostMapping("/cases")
  String open(
      @ModelAttribute("form") OpenCase form,
      BindingResult binding,
      Actor actor,
      Model model,
      RedirectAttributes redirect) {
    if (binding.hasErrors()) {
      return openPage(
          actor,
          model,
          form,
          FormErrors.of(binding, messages).and(cases.problems(form, actor), messages));
    }
    try {
      CaseId id = cases.open(form, actor);
      redirect.addFlashAttribute("notice", text("case.open.done"));
      return "redirect:/cases/" + id;
    } catch (DomainException e) {
      return openPage(actor, model, form, FormErrors.of(e, messages));
    }
  }

  @GetMapping("/cases/{id}")
  String overview(@PathVariable UUID id, Actor actor, Model model) {
    CaseDetail detail = cases.get(new CaseId(id), actor);
    model.addAttribute("c", detail);
    model.addAttribute("mayEdit", cases.works(new CaseId(id), actor));
    model.addAttribute("timeline", timeline.of(id, actor));
    model.addAttribute("categories", queries.categories());
    return "casework/case";
  }

  @GetMapping("/cases/{id}/edit")
  String editForm(@PathVariable UUID id, Actor actor, Model model) {
    CaseDetail detail = cases.get(new CaseId(id), actor);
    cases.requireWorks(new CaseId(id), actor);
    EditCase form =
        new EditCase(
            detail.stage(), detail.issueCategories(), detail.relatedPersons(), detail.version());
    return editPage(detail, model, form, FormErrors.none());
  }

  @PostMapping("/cases/{id}/edit")
  String edit(
      @PathVariable UUID id,
      @ModelAttribute("form") EditCase form,
      BindingResult binding,
      Actor actor,
      Model model,
      RedirectAttributes redirect) {
    CaseDetail detail = cases.get(new CaseId(id), actor);
    cases.requireWorks(new CaseId(id), actor);
    if (binding.hasErrors()) {
      return editPage(detail, model, form, FormErrors.of(binding, messages));
    }
    try {
      cases.edit(new CaseId(id), form, actor);
      redirect.addFlashAttribute("notice", text("case.edit.saved"));
      return "redirect:/cases/" + id;
    } catch (DomainException e) {
      return editPage(detail, model, form, FormErrors.of(e, messages));
    }
  }

  private String openPage(Actor actor, Model model, OpenCase form, FormErrors errors) {
    model.addAttribute("centers", cases.openableCenters(actor));
    model.addAttribute("categories", queries.categories());
    model.addAttribute("form", form);
    model.addAttribute("parties", paddedParties(form));
    model.addAttribute("relatives", paddedRelatives(form.relatedPersons(), 3));
    model.addAttribute("errors", errors);
    return "casework/caseOpen";
  }

  private String editPage(CaseDetail detail, Model model, EditCase form, FormErrors errors) {
    List<org.huhang.casework.RelatedPerson> relatives = paddedRelatives(form.relatedPersons(), 2);
    model.addAttribute("c", detail);
    model.addAttribute("categories", queries.categories());
    model.addAttribute("form", form);
    model.addAttribute("relatives", relatives);
    model.addAttribute("errors", errors);
    return "casework/caseEdit";
  }

  /** Both party blocks of the open form, filled where given. */
  private static List<org.huhang.casework.CaseParty> paddedParties(OpenCase form) {
    List<org.huhang.casework.CaseParty> parties = new ArrayList<>();
    for (org.huhang.casework.PartyRole role : org.huhang.casework.PartyRole.values()) {
      parties.add(
          form.parties().stream()
              .filter(p -> p.role() == role)
              .findFirst()
              .orElse(new org.huhang.casework.CaseParty(role, "", null, null, null, null)));
    }
    return parties;
  }

  /** The relative rows of a form: those given and empty ones up to {@code rows}. */
  private static List<org.huhang.casework.RelatedPerson> paddedRelatives(
      List<org.huhang.casework.RelatedPerson> given, int extra) {
    List<org.huhang.casework.RelatedPerson> relatives = new ArrayList<>(given);
    int target = Math.max(3, given.size() + extra - 1);
    while (relatives.size() < target) {
      relatives.add(new org.huhang.casework.RelatedPerson(null, "", null));
    }
    return relatives;
  }

  private static OpenCase emptyOpen() {
    return new OpenCase(null, null, null, List.of(), List.of(), List.of(), null);
  }

  private String text(String key, Object... args) {
    return messages.getMessage(key, args, LocaleContextHolder.getLocale());
  }
}
