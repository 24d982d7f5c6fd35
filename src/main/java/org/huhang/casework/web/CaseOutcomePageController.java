package org.huhang.casework.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.huhang.casework.CaseDetail;
import org.huhang.casework.CaseId;
import org.huhang.casework.CloseCase;
import org.huhang.casework.FollowUpView;
import org.huhang.casework.RecordFollowUp;
import org.huhang.casework.internal.CaseAccess;
import org.huhang.casework.internal.CaseClosing;
import org.huhang.casework.internal.CaseFile;
import org.huhang.casework.internal.CaseRef;
import org.huhang.casework.internal.FollowUps;
import org.huhang.shared.Actor;
import org.huhang.shared.DomainException;
import org.huhang.shared.web.FormErrors;
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
 * A case's outcome tab: closing it (checked, then confirmed on a page that says it is final), the
 * outcome and the legal outcome once closed, and its follow-ups, each recorded here.
 */
@Controller
class CaseOutcomePageController {

  private final CaseFile cases;
  private final CaseAccess access;
  private final CaseClosing closing;
  private final FollowUps followUps;
  private final MessageSource messages;
  private final Clock clock;

  CaseOutcomePageController(
      CaseFile cases,
      CaseAccess access,
      CaseClosing closing,
      FollowUps followUps,
      MessageSource messages,
      Clock clock) {
    this.cases = cases;
    this.access = access;
    this.closing = closing;
    this.followUps = followUps;
    this.messages = messages;
    this.clock = clock;
  }

  @GetMapping("/cases/{id}/outcome")
  String page(@PathVariable UUID id, Actor actor, Model model) {
    return page(
        id,
        actor,
        model,
        new CloseCase(null, "", LocalDate.now(clock)),
        FormErrors.none(),
        null,
        FormErrors.none());
  }

  /** Checks the closing and asks for confirmation; nothing is written yet. */
  @PostMapping("/cases/{id}/close")
  String check(
      @PathVariable UUID id,
      @ModelAttribute("form") CloseCase form,
      BindingResult binding,
      Actor actor,
      Model model) {
    if (binding.hasErrors()) {
      return page(
          id, actor, model, form, FormErrors.of(binding, messages), null, FormErrors.none());
    }
    try {
      closing.check(new CaseId(id), form, actor);
    } catch (DomainException e) {
      return page(id, actor, model, form, FormErrors.of(e, messages), null, FormErrors.none());
    }
    model.addAttribute("c", cases.get(new CaseId(id), actor));
    model.addAttribute("form", form);
    return "casework/caseCloseConfirm";
  }

  @PostMapping("/cases/{id}/close/confirm")
  String close(
      @PathVariable UUID id,
      @ModelAttribute("form") CloseCase form,
      BindingResult binding,
      Actor actor,
      Model model,
      RedirectAttributes redirect) {
    if (binding.hasErrors()) {
      return page(
          id, actor, model, form, FormErrors.of(binding, messages), null, FormErrors.none());
    }
    try {
      closing.close(new CaseId(id), form, actor);
      redirect.addFlashAttribute("notice", text("outcome.closed"));
      return "redirect:/cases/" + id + "/outcome";
    } catch (DomainException e) {
      return page(id, actor, model, form, FormErrors.of(e, messages), null, FormErrors.none());
    }
  }

  /** The follow-up form: the answers as YES / NO / UNKNOWN, the notes, the day of the contact. */
  record FollowUpForm(
      RecordFollowUp.Answer together,
      RecordFollowUp.Answer filedAgain,
      String wellbeing,
      LocalDate doneOn) {}

  @PostMapping("/cases/{id}/follow-ups/{months}")
  String recordFollowUp(
      @PathVariable UUID id,
      @PathVariable int months,
      @ModelAttribute("followUp") FollowUpForm form,
      BindingResult binding,
      Actor actor,
      Model model,
      RedirectAttributes redirect) {
    FormErrors errors = FormErrors.of(binding, messages);
    if (!binding.hasErrors()) {
      try {
        followUps.record(
            new CaseId(id),
            months,
            new RecordFollowUp(form.together(), form.filedAgain(), form.wellbeing(), form.doneOn()),
            actor);
        redirect.addFlashAttribute("notice", text("followUp.recorded", months));
        return "redirect:/cases/" + id + "/outcome";
      } catch (DomainException e) {
        errors = FormErrors.of(e, messages);
      }
    }
    model.addAttribute("followUpForm", form);
    return page(
        id,
        actor,
        model,
        new CloseCase(null, "", LocalDate.now(clock)),
        FormErrors.none(),
        months,
        errors);
  }

  private String page(
      UUID id,
      Actor actor,
      Model model,
      CloseCase form,
      FormErrors errors,
      Integer followUpMonths,
      FormErrors followUpErrors) {
    CaseDetail detail = cases.get(new CaseId(id), actor);
    CaseRef ref = access.find(id, actor);
    var list = followUps.ofCase(new CaseId(id), actor);
    Map<Integer, String> notes = new LinkedHashMap<>();
    String arrangements = null;
    if (ref.works()) {
      // Those who work the case read what was recorded; each read is audited.
      for (FollowUpView f : list) {
        if (f.hasNotes()) {
          followUps
              .wellbeing(new CaseId(id), f.months(), actor)
              .ifPresent(n -> notes.put(f.months(), n));
        }
      }
      if (detail.closed()) {
        arrangements = closing.arrangements(new CaseId(id), actor);
      }
    }
    model.addAttribute("c", detail);
    model.addAttribute("works", ref.works());
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("followUps", list);
    model.addAttribute("notes", notes);
    model.addAttribute("arrangements", arrangements);
    model.addAttribute("followUpMonths", followUpMonths);
    model.addAttribute("followUpErrors", followUpErrors);
    if (!model.containsAttribute("followUpForm")) {
      model.addAttribute("followUpForm", new FollowUpForm(null, null, "", LocalDate.now(clock)));
    }
    model.addAttribute("today", LocalDate.now(clock));
    return "casework/caseOutcome";
  }

  private String text(String key, Object... args) {
    return messages.getMessage(key, args, LocaleContextHolder.getLocale());
  }
}
