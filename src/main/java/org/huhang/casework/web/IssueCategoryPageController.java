package org.huhang.casework.web;

import java.util.List;
import org.huhang.casework.AddIssueCategory;
import org.huhang.casework.internal.CaseQueries;
import org.huhang.casework.internal.CaseworkPolicy;
import org.huhang.casework.internal.IssueCategories;
import org.huhang.shared.Actor;
import org.huhang.shared.DomainException;
import org.huhang.shared.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** The issue-category dictionary: kept by the city administrator, read by everyone with cases. */
@Controller
class IssueCategoryPageController {

  private final IssueCategories dictionary;
  private final CaseQueries queries;
  private final CaseworkPolicy policy;
  private final MessageSource messages;

  IssueCategoryPageController(
      IssueCategories dictionary,
      CaseQueries queries,
      CaseworkPolicy policy,
      MessageSource messages) {
    this.dictionary = dictionary;
    this.queries = queries;
    this.policy = policy;
    this.messages = messages;
  }

  @GetMapping("/case-categories")
  String page(Actor actor, Model model) {
    return page(actor, model, new AddIssueCategory("", "", "", List.of()), FormErrors.none());
  }

  @PostMapping("/case-categories")
  String add(
      Actor actor,
      @ModelAttribute("form") AddIssueCategory form,
      BindingResult binding,
      Model model) {
    dictionary.forMaintenance(actor);
    if (binding.hasErrors()) {
      return page(actor, model, form, FormErrors.of(binding, messages));
    }
    try {
      dictionary.add(form, actor);
      return "redirect:/case-categories";
    } catch (DomainException e) {
      return page(actor, model, form, FormErrors.of(e, messages));
    }
  }

  @PostMapping("/case-categories/{code}/{state:enable|disable}")
  String setActive(@PathVariable String code, @PathVariable String state, Actor actor) {
    dictionary.setActive(code, state.equals("enable"), actor);
    return "redirect:/case-categories";
  }

  private String page(Actor actor, Model model, AddIssueCategory form, FormErrors errors) {
    model.addAttribute("categories", dictionary.forMaintenance(actor));
    model.addAttribute("specialities", dictionary.specialities());
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    return "casework/categories";
  }
}
