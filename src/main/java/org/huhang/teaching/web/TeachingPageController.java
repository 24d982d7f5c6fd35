package org.huhang.teaching.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.UUID;
import org.huhang.casework.CaseId;
import org.huhang.casework.CaseStage;
import org.huhang.shared.Actor;
import org.huhang.shared.ConflictException;
import org.huhang.shared.DomainException;
import org.huhang.shared.web.FormErrors;
import org.huhang.shared.web.Pages;
import org.huhang.teaching.EditTeachingCase;
import org.huhang.teaching.TeachingCaseId;
import org.huhang.teaching.TeachingCaseView;
import org.huhang.teaching.TeachingCases;
import org.huhang.teaching.TeachingSearch;
import org.huhang.teaching.TeachingStatus;
import org.huhang.teaching.internal.TeachingPolicy;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The teaching case library's pages: the search (one handler for the page and its htmx partial), a
 * case along the six steps, the manager's edit form, and the approvals, withdrawal and training use
 * as buttons on the case's page. What to show is asked of the facade; the services refuse.
 */
@Controller
class TeachingPageController {

  private final TeachingCases teaching;
  private final TeachingPolicy policy;
  private final MessageSource messages;

  TeachingPageController(TeachingCases teaching, TeachingPolicy policy, MessageSource messages) {
    this.teaching = teaching;
    this.policy = policy;
    this.messages = messages;
  }

  @GetMapping("/teaching-cases")
  String list(
      Actor actor,
      HtmxRequest htmx,
      @ModelAttribute("search") TeachingSearch search,
      @RequestParam(required = false) Integer page,
      Model model) {
    model.addAttribute("cases", teaching.search(search, page, null, actor));
    model.addAttribute("search", search);
    model.addAttribute("categories", teaching.categories());
    model.addAttribute("stages", Arrays.asList(CaseStage.values()));
    model.addAttribute("statuses", Arrays.asList(TeachingStatus.values()));
    model.addAttribute("mayManage", policy.mayDraft(actor));
    return Pages.fullOrPartial(htmx, "teaching/cases", "teaching/caseTable");
  }

  /** Drafts from a closed case (the button on the case's page), or opens the one drafted before. */
  @PostMapping(value = "/teaching-cases", params = "case")
  String draft(
      @RequestParam("case") UUID caseId,
      Actor actor,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    try {
      TeachingCaseId id = teaching.draftFrom(new CaseId(caseId), actor);
      redirect.addFlashAttribute("notice", "teaching.drafted");
      return "redirect:/teaching-cases/" + id;
    } catch (DomainException e) {
      response.setStatus(e instanceof ConflictException ? 409 : 422);
      model.addAttribute("status", response.getStatus());
      model.addAttribute("messageKey", e.problems().get(0).messageKey());
      return "shared/error";
    }
  }

  @GetMapping("/teaching-cases/{id}")
  String detail(@PathVariable TeachingCaseId id, Actor actor, Model model) {
    TeachingCaseView view = teaching.get(id, actor);
    var actions = teaching.actions(id, actor);
    model.addAttribute("c", view);
    model.addAttribute("actions", actions);
    model.addAttribute("categories", teaching.categories());
    model.addAttribute(
        "modules", actions.attach() ? teaching.modulesToAttach(actor) : java.util.List.of());
    return "teaching/case";
  }

  @GetMapping("/teaching-cases/{id}/edit")
  String editForm(@PathVariable TeachingCaseId id, Actor actor, Model model) {
    TeachingCaseView c = teaching.get(id, actor);
    if (!teaching.actions(id, actor).edit()) {
      throw new org.huhang.shared.ForbiddenException("only a draft's managers edit it");
    }
    EditTeachingCase command =
        new EditTeachingCase(
            c.title(),
            c.background(),
            c.beliefSystem(),
            c.thinkingAngle(),
            c.emotionalFeelings(),
            c.behaviour(),
            c.result(),
            c.conclusion(),
            c.method(),
            c.lessons(),
            c.version());
    return form(model, c, command, FormErrors.none());
  }

  @PostMapping("/teaching-cases/{id}")
  String edit(
      @PathVariable TeachingCaseId id,
      Actor actor,
      @ModelAttribute("command") EditTeachingCase command,
      BindingResult binding,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    TeachingCaseView c = teaching.get(id, actor);
    if (binding.hasErrors()) {
      response.setStatus(422);
      return form(model, c, command, FormErrors.of(binding, messages));
    }
    try {
      teaching.edit(id, command, actor);
      redirect.addFlashAttribute("notice", "teaching.saved");
      return "redirect:/teaching-cases/" + id;
    } catch (DomainException e) {
      response.setStatus(e instanceof ConflictException ? 409 : 422);
      return form(model, c, command, FormErrors.of(e, messages));
    }
  }

  @PostMapping("/teaching-cases/{id}/approve")
  String approve(
      @PathVariable TeachingCaseId id,
      Actor actor,
      RedirectAttributes redirect,
      Model model,
      HttpServletResponse response) {
    return approval(
        id,
        actor,
        redirect,
        model,
        response,
        () ->
            teaching.approve(id, actor) == TeachingStatus.PUBLISHED
                ? "teaching.published"
                : "teaching.awaitingCounty");
  }

  @PostMapping("/teaching-cases/{id}/county-approve")
  String approveForCounty(
      @PathVariable TeachingCaseId id,
      Actor actor,
      RedirectAttributes redirect,
      Model model,
      HttpServletResponse response) {
    return approval(
        id,
        actor,
        redirect,
        model,
        response,
        () -> {
          teaching.approveForCounty(id, actor);
          return "teaching.published";
        });
  }

  /**
   * An approval: refused for what its texts still name, it answers 422 with the case's page and
   * every field's problem; any other refusal is a notice on the page like the other moves.
   */
  private String approval(
      TeachingCaseId id,
      Actor actor,
      RedirectAttributes redirect,
      Model model,
      HttpServletResponse response,
      java.util.function.Supplier<String> move) {
    try {
      redirect.addFlashAttribute("notice", move.get());
      return "redirect:/teaching-cases/" + id;
    } catch (DomainException e) {
      if (e instanceof ConflictException
          || e.problems().stream().allMatch(p -> p.field() == null)) {
        redirect.addFlashAttribute("problem", e.problems().get(0).messageKey());
        return "redirect:/teaching-cases/" + id;
      }
      response.setStatus(422);
      model.addAttribute(
          "problems",
          e.problems().stream()
              .map(
                  p ->
                      messages.getMessage(
                          p.messageKey(),
                          p.args(),
                          p.messageKey(),
                          org.springframework.context.i18n.LocaleContextHolder.getLocale()))
              .toList());
      return detail(id, actor, model);
    }
  }

  @PostMapping("/teaching-cases/{id}/withdraw")
  String withdraw(@PathVariable TeachingCaseId id, Actor actor, RedirectAttributes redirect) {
    return move(
        id,
        redirect,
        () -> {
          teaching.withdraw(id, actor);
          return "teaching.withdrawn";
        });
  }

  @PostMapping("/teaching-cases/{id}/materials")
  String attach(
      @PathVariable TeachingCaseId id,
      @RequestParam(required = false) UUID moduleId,
      Actor actor,
      RedirectAttributes redirect) {
    if (moduleId == null) {
      teaching.get(id, actor);
      redirect.addFlashAttribute("problem", "teaching.module.required");
      return "redirect:/teaching-cases/" + id;
    }
    return move(
        id,
        redirect,
        () -> {
          teaching.attach(id, moduleId, actor);
          return "teaching.attached";
        });
  }

  @PostMapping("/teaching-cases/{id}/materials/{moduleId}/delete")
  String detach(
      @PathVariable TeachingCaseId id,
      @PathVariable UUID moduleId,
      Actor actor,
      RedirectAttributes redirect) {
    return move(
        id,
        redirect,
        () -> {
          teaching.detach(id, moduleId, actor);
          return "teaching.detached";
        });
  }

  /** A move the rules may refuse: its notice, or the refusal, on the case's page. */
  private String move(
      TeachingCaseId id, RedirectAttributes redirect, java.util.function.Supplier<String> move) {
    try {
      redirect.addFlashAttribute("notice", move.get());
    } catch (DomainException e) {
      redirect.addFlashAttribute("problem", e.problems().get(0).messageKey());
    }
    return "redirect:/teaching-cases/" + id;
  }

  private String form(
      Model model, TeachingCaseView c, EditTeachingCase command, FormErrors errors) {
    model.addAttribute("c", c);
    model.addAttribute("command", command);
    model.addAttribute("errors", errors);
    return "teaching/caseForm";
  }
}
