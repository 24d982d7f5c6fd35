package org.huhang.casework.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.huhang.casework.CaseDetail;
import org.huhang.casework.CaseId;
import org.huhang.casework.ConsentPurpose;
import org.huhang.casework.PartyRole;
import org.huhang.casework.PartyView;
import org.huhang.casework.RecordConsent;
import org.huhang.casework.RecordReferralResult;
import org.huhang.casework.RecordSafetyReferral;
import org.huhang.casework.SaveSafetyPlan;
import org.huhang.casework.ScreenParty;
import org.huhang.casework.ScreeningAnswers;
import org.huhang.casework.ScreeningResult;
import org.huhang.casework.internal.CaseAccess;
import org.huhang.casework.internal.CaseConsents;
import org.huhang.casework.internal.CaseFile;
import org.huhang.casework.internal.CaseRef;
import org.huhang.casework.internal.ConsentGate;
import org.huhang.casework.internal.JointApprovals;
import org.huhang.casework.internal.SafetyGate;
import org.huhang.casework.internal.SafetyPlans;
import org.huhang.casework.internal.SafetyReferrals;
import org.huhang.casework.internal.SafetyScreenings;
import org.huhang.shared.Actor;
import org.huhang.shared.DomainException;
import org.huhang.shared.DomainException.FieldProblem;
import org.huhang.shared.NotFoundException;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The case's "consent and safety" tab: each party's consents, its screenings (asked alone, on a
 * page of their own), a manager's approval of joint sessions, the safety plan and the safety
 * referrals. Every form posts here and comes back to the tab, or shows its problems at its fields.
 */
@Controller
class SafetyPageController {

  private final CaseFile cases;
  private final CaseAccess access;
  private final CaseConsents consents;
  private final ConsentGate consentGate;
  private final SafetyScreenings screenings;
  private final SafetyPlans plans;
  private final SafetyReferrals referrals;
  private final JointApprovals approvals;
  private final SafetyGate safetyGate;
  private final MessageSource messages;

  SafetyPageController(
      CaseFile cases,
      CaseAccess access,
      CaseConsents consents,
      ConsentGate consentGate,
      SafetyScreenings screenings,
      SafetyPlans plans,
      SafetyReferrals referrals,
      JointApprovals approvals,
      SafetyGate safetyGate,
      MessageSource messages) {
    this.cases = cases;
    this.access = access;
    this.consents = consents;
    this.consentGate = consentGate;
    this.screenings = screenings;
    this.plans = plans;
    this.referrals = referrals;
    this.approvals = approvals;
    this.safetyGate = safetyGate;
    this.messages = messages;
  }

  /** What a form on the tab sent back, with its problems; none for a plain visit. */
  record Sent(
      String section,
      FormErrors errors,
      SaveSafetyPlan plan,
      RecordSafetyReferral referral,
      String reason) {

    static Sent none() {
      return new Sent("", FormErrors.none(), null, null, "");
    }
  }

  @GetMapping("/cases/{id}/safety")
  String tab(@PathVariable UUID id, Actor actor, Model model) {
    return tab(id, actor, model, Sent.none());
  }

  @PostMapping("/cases/{id}/consents")
  String consent(
      @PathVariable UUID id,
      @ModelAttribute("consentForm") RecordConsent form,
      BindingResult binding,
      Actor actor,
      Model model,
      RedirectAttributes redirect) {
    String section = "consent-" + (form.party() == null ? "" : form.party().name());
    if (binding.hasErrors()) {
      return tab(id, actor, model, sent(section, FormErrors.of(binding, messages)));
    }
    try {
      consents.record(new CaseId(id), form, actor);
    } catch (DomainException e) {
      return tab(id, actor, model, sent(section, FormErrors.of(e, messages)));
    }
    redirect.addFlashAttribute(
        "notice", text("consent.recorded", text("case.party." + form.party().name())));
    return "redirect:/cases/" + id + "/safety";
  }

  @PostMapping("/cases/{id}/consents/{party}/{purpose}/withdraw")
  String withdraw(
      @PathVariable UUID id,
      @PathVariable PartyRole party,
      @PathVariable ConsentPurpose purpose,
      Actor actor,
      Model model,
      RedirectAttributes redirect) {
    try {
      consents.withdraw(new CaseId(id), party, purpose, actor);
    } catch (DomainException e) {
      return tab(id, actor, model, sent("consent-" + party.name(), FormErrors.of(e, messages)));
    }
    redirect.addFlashAttribute(
        "notice",
        text(
            "consent.withdrawn",
            text("case.party." + party.name()),
            text("consent.purpose." + purpose.name())));
    return "redirect:/cases/" + id + "/safety";
  }

  @GetMapping("/cases/{id}/screenings/new")
  String screeningForm(
      @PathVariable UUID id,
      @RequestParam(required = false) PartyRole party,
      Actor actor,
      Model model) {
    if (party == null) {
      if (!access.find(id, actor).works()) {
        throw new org.huhang.shared.ForbiddenException("only those who work the case screen");
      }
      return "redirect:/cases/" + id + "/safety";
    }
    return screeningPage(id, party, actor, model, Map.of(), false, FormErrors.none());
  }

  /**
   * A screening from the form: each question answered yes or no (none left out), and the tick that
   * the other party is not present.
   */
  @PostMapping("/cases/{id}/screenings")
  String screen(
      @PathVariable UUID id,
      @RequestParam(required = false) PartyRole party,
      @RequestParam Map<String, String> params,
      Actor actor,
      Model model,
      RedirectAttributes redirect) {
    if (party == null) {
      if (!access.find(id, actor).works()) {
        throw new org.huhang.shared.ForbiddenException("only those who work the case screen");
      }
      // A form that names no party cannot be saved: back to the tab, where each party has its own.
      return "redirect:/cases/" + id + "/safety";
    }
    Map<String, String> chosen = new LinkedHashMap<>();
    List<FieldProblem> problems = new java.util.ArrayList<>();
    for (String q : ScreeningAnswers.QUESTIONS) {
      String v = params.get("answers." + q);
      if ("yes".equals(v) || "no".equals(v)) {
        chosen.put(q, v);
      } else {
        problems.add(new FieldProblem("answers." + q, "screening.answer.required", new Object[0]));
      }
    }
    boolean otherAbsent = "true".equals(params.get("otherAbsent"));
    if (!otherAbsent) {
      problems.add(
          new FieldProblem("otherAbsent", "screening.otherAbsent.required", new Object[0]));
    }
    if (!problems.isEmpty()) {
      return screeningPage(
          id,
          party,
          actor,
          model,
          chosen,
          otherAbsent,
          FormErrors.of(new DomainException(problems), messages));
    }
    ScreeningAnswers answers =
        new ScreeningAnswers(
            yes(chosen, "physicalViolence"),
            yes(chosen, "threatToKill"),
            yes(chosen, "strangulation"),
            yes(chosen, "weapon"),
            yes(chosen, "escalation"),
            yes(chosen, "controlling"),
            yes(chosen, "fear"),
            yes(chosen, "childrenExposed"),
            yes(chosen, "protectiveOrder"));
    ScreeningResult result;
    try {
      result = screenings.screen(new CaseId(id), new ScreenParty(party, answers, true), actor);
    } catch (DomainException e) {
      return screeningPage(id, party, actor, model, chosen, true, FormErrors.of(e, messages));
    }
    String notice =
        text(
            "screening.recorded",
            text("case.party." + party.name()),
            text("case.risk." + result.risk().name()));
    if (result.cancelledJointSessions() > 0) {
      notice += " " + text("screening.jointCancelled", result.cancelledJointSessions());
    }
    redirect.addFlashAttribute("notice", notice);
    return "redirect:/cases/" + id + "/safety";
  }

  /** One screening's answers: for those who work the case, and every look is audited. */
  @GetMapping("/cases/{id}/screenings/{sid}")
  String screening(@PathVariable UUID id, @PathVariable UUID sid, Actor actor, Model model) {
    model.addAttribute("c", cases.get(new CaseId(id), actor));
    model.addAttribute("s", screenings.answers(new CaseId(id), sid, actor));
    return "casework/screening";
  }

  @PostMapping("/cases/{id}/safety-plan")
  String savePlan(
      @PathVariable UUID id,
      @ModelAttribute("planForm") SaveSafetyPlan form,
      BindingResult binding,
      Actor actor,
      Model model,
      RedirectAttributes redirect) {
    FormErrors errors = binding.hasErrors() ? FormErrors.of(binding, messages) : null;
    if (errors == null) {
      try {
        plans.save(new CaseId(id), form, actor);
        redirect.addFlashAttribute("notice", text("safetyPlan.saved"));
        return "redirect:/cases/" + id + "/safety#safety-plan";
      } catch (DomainException e) {
        errors = FormErrors.of(e, messages);
      }
    }
    return tab(id, actor, model, new Sent("plan", errors, form, null, ""));
  }

  @PostMapping("/cases/{id}/safety-referrals")
  String addReferral(
      @PathVariable UUID id,
      @ModelAttribute("referralForm") RecordSafetyReferral form,
      BindingResult binding,
      Actor actor,
      Model model,
      RedirectAttributes redirect) {
    FormErrors errors = binding.hasErrors() ? FormErrors.of(binding, messages) : null;
    if (errors == null) {
      try {
        referrals.record(new CaseId(id), form, actor);
        redirect.addFlashAttribute(
            "notice", text("safetyReferral.recorded", text("safetyReferral.kind." + form.kind())));
        return "redirect:/cases/" + id + "/safety#safety-referrals";
      } catch (DomainException e) {
        errors = FormErrors.of(e, messages);
      }
    }
    return tab(id, actor, model, new Sent("referral", errors, null, form, ""));
  }

  @PostMapping("/cases/{id}/safety-referrals/{rid}")
  String referralResult(
      @PathVariable UUID id,
      @PathVariable UUID rid,
      @ModelAttribute("resultForm") RecordReferralResult form,
      BindingResult binding,
      Actor actor,
      Model model,
      RedirectAttributes redirect) {
    FormErrors errors = binding.hasErrors() ? FormErrors.of(binding, messages) : null;
    if (errors == null) {
      try {
        referrals.recordResult(new CaseId(id), rid, form, actor);
        redirect.addFlashAttribute("notice", text("safetyReferral.resultSaved"));
        return "redirect:/cases/" + id + "/safety#safety-referrals";
      } catch (DomainException e) {
        errors = FormErrors.of(e, messages);
      }
    }
    return tab(id, actor, model, new Sent("result-" + rid, errors, null, null, ""));
  }

  @PostMapping("/cases/{id}/joint-approval")
  String approve(
      @PathVariable UUID id,
      @RequestParam(required = false) String reason,
      Actor actor,
      Model model,
      RedirectAttributes redirect) {
    try {
      approvals.approve(new CaseId(id), reason, actor);
    } catch (DomainException e) {
      return tab(
          id,
          actor,
          model,
          new Sent(
              "approval", FormErrors.of(e, messages), null, null, reason == null ? "" : reason));
    }
    redirect.addFlashAttribute("notice", text("approval.saved"));
    return "redirect:/cases/" + id + "/safety";
  }

  private String tab(UUID id, Actor actor, Model model, Sent sent) {
    CaseId caseId = new CaseId(id);
    CaseRef ref = access.find(id, actor);
    CaseDetail detail = cases.get(caseId, actor);
    model.addAttribute("c", detail);
    model.addAttribute("consents", consents.of(caseId, actor));
    model.addAttribute("screenings", screenings.of(caseId, actor));
    model.addAttribute("plan", plans.of(caseId, actor).orElse(null));
    model.addAttribute("referrals", referrals.of(caseId, actor));
    model.addAttribute("approval", approvals.of(caseId, actor).orElse(null));
    model.addAttribute("jointRefusal", safetyGate.jointRefusal(id));
    model.addAttribute("works", ref.works() && !detail.closed());
    model.addAttribute("manages", (ref.managesCenter() || ref.administers()) && !detail.closed());
    model.addAttribute("section", sent.section());
    model.addAttribute("errors", sent.errors());
    model.addAttribute(
        "planForm", sent.plan() == null ? new SaveSafetyPlan(null, null, null, null) : sent.plan());
    model.addAttribute(
        "referralForm",
        sent.referral() == null
            ? new RecordSafetyReferral(null, null, false, null, null, null)
            : sent.referral());
    model.addAttribute("reason", sent.reason());
    return "casework/caseSafety";
  }

  private String screeningPage(
      UUID id,
      PartyRole party,
      Actor actor,
      Model model,
      Map<String, String> chosen,
      boolean otherAbsent,
      FormErrors errors) {
    // Who may screen is asked before anything of the form is shown.
    if (!access.find(id, actor).works()) {
      throw new org.huhang.shared.ForbiddenException("only those who work the case screen");
    }
    CaseDetail detail = cases.get(new CaseId(id), actor);
    PartyView p = detail.party(party);
    if (p == null) {
      throw new NotFoundException("party");
    }
    model.addAttribute("c", detail);
    model.addAttribute("party", p);
    model.addAttribute("other", detail.party(party == PartyRole.A ? PartyRole.B : PartyRole.A));
    model.addAttribute(
        "consented", consentGate.inForce(id, party, ConsentPurpose.SENSITIVE_PROCESSING));
    model.addAttribute("chosen", chosen);
    model.addAttribute("otherAbsent", otherAbsent);
    model.addAttribute("errors", errors);
    return "casework/screeningForm";
  }

  private static boolean yes(Map<String, String> chosen, String q) {
    return "yes".equals(chosen.get(q));
  }

  private static Sent sent(String section, FormErrors errors) {
    return new Sent(section, errors, null, null, "");
  }

  private String text(String key, Object... args) {
    return messages.getMessage(key, args, LocaleContextHolder.getLocale());
  }
}
