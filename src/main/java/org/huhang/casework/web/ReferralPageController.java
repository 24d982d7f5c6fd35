package org.huhang.casework.web;

import java.util.UUID;
import org.huhang.casework.ReferralView;
import org.huhang.casework.Referrals;
import org.huhang.center.CenterId;
import org.huhang.center.CenterView;
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

/** The referral queue (待建案) and one referral, where it is accepted into a case or passed on. */
@Controller
class ReferralPageController {

  private final Referrals referrals;
  private final MessageSource messages;

  ReferralPageController(Referrals referrals, MessageSource messages) {
    this.referrals = referrals;
    this.messages = messages;
  }

  @GetMapping("/referrals")
  String queue(Actor actor, Model model) {
    model.addAttribute("referrals", referrals.queue(actor));
    return "casework/referrals";
  }

  @GetMapping("/referrals/{id}")
  String referral(@PathVariable UUID id, Actor actor, Model model) {
    return page(id, actor, model, FormErrors.none(), FormErrors.none(), null, "");
  }

  /** The accept form: the center to open the case at. */
  record AcceptForm(UUID centerId) {}

  /** The pass form: the center to pass the referral to, and why. */
  record PassForm(UUID centerId, String reason) {}

  @PostMapping("/referrals/{id}/accept")
  String accept(
      @PathVariable UUID id,
      Actor actor,
      @ModelAttribute AcceptForm form,
      BindingResult binding,
      Model model,
      RedirectAttributes redirect) {
    ReferralView referral = referrals.get(id, actor);
    if (binding.hasErrors()) {
      return page(id, actor, model, FormErrors.of(binding, messages), FormErrors.none(), null, "");
    }
    CenterId into = form.centerId() == null ? null : new CenterId(form.centerId());
    String center = nameOf(referrals.acceptInto(id, actor), into);
    try {
      java.util.UUID caseId = referrals.accept(id, into, actor);
      redirect.addFlashAttribute("notice", text("referral.accepted", couple(referral), center));
      // The manager goes on with the case: its team, then consent and screening.
      return "redirect:/cases/" + caseId;
    } catch (DomainException e) {
      return page(id, actor, model, FormErrors.of(e, messages), FormErrors.none(), null, "");
    }
  }

  @PostMapping("/referrals/{id}/pass")
  String pass(
      @PathVariable UUID id,
      Actor actor,
      @ModelAttribute PassForm form,
      BindingResult binding,
      Model model,
      RedirectAttributes redirect) {
    ReferralView referral = referrals.get(id, actor);
    CenterId to = form.centerId() == null ? null : new CenterId(form.centerId());
    String reason = form.reason() == null ? "" : form.reason();
    if (binding.hasErrors()) {
      // A field that could not be read (a control character, a center that is no id) is shown
      // with its own message, next to the rules' problems of the others.
      FormErrors errors =
          FormErrors.of(binding, messages)
              .and(referrals.passProblems(id, to, reason, actor), messages);
      return page(id, actor, model, FormErrors.none(), errors, to, reason);
    }
    String target = nameOf(referrals.passTo(id, actor), to);
    try {
      referrals.pass(id, to, reason, actor);
      redirect.addFlashAttribute("notice", text("referral.passed", couple(referral), target));
      return "redirect:/referrals";
    } catch (DomainException e) {
      return page(id, actor, model, FormErrors.none(), FormErrors.of(e, messages), to, reason);
    }
  }

  private String page(
      UUID id,
      Actor actor,
      Model model,
      FormErrors acceptErrors,
      FormErrors passErrors,
      CenterId passTo,
      String reason) {
    model.addAttribute("referral", referrals.get(id, actor));
    model.addAttribute("acceptInto", referrals.acceptInto(id, actor));
    model.addAttribute("passTo", referrals.passTo(id, actor));
    model.addAttribute("acceptErrors", acceptErrors);
    model.addAttribute("passErrors", passErrors);
    model.addAttribute("chosenPass", passTo == null ? "" : passTo.value().toString());
    model.addAttribute("reason", reason);
    return "casework/referral";
  }

  private static String nameOf(java.util.List<CenterView> choices, CenterId id) {
    return choices.stream()
        .filter(c -> c.id().equals(id))
        .map(CenterView::name)
        .findFirst()
        .orElse("");
  }

  private String couple(ReferralView referral) {
    return referral.couple() == null ? text("referral.couple.unknown") : referral.couple();
  }

  private String text(String key, Object... args) {
    return messages.getMessage(key, args, LocaleContextHolder.getLocale());
  }
}
