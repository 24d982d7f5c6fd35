package org.huhang.selfservice.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.huhang.selfservice.QuestionnaireView;
import org.huhang.selfservice.internal.FamilyPhone;
import org.huhang.selfservice.internal.Surveys;
import org.huhang.shared.DomainException;
import org.huhang.shared.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The family answers on its phone: the questionnaire before its session and the satisfaction survey
 * after, from its own booking (a proved number) or, for the survey, from the link of the
 * invitation's text message. A refused answer comes back with every question's problem named and
 * what was typed kept.
 */
@Controller
class FamilyAnswersController {

  private final Surveys surveys;
  private final MessageSource messages;
  private final Clock clock;

  FamilyAnswersController(Surveys surveys, MessageSource messages, Clock clock) {
    this.surveys = surveys;
    this.messages = messages;
    this.clock = clock;
  }

  @GetMapping("/book/mine/{id}/questionnaire")
  String before(@PathVariable UUID id, HttpServletRequest request, Model model) {
    Optional<FamilyPhone> phone = FamilyPhone.of(request, clock.instant());
    if (phone.isEmpty()) {
      return "redirect:/book/mine";
    }
    try {
      return form(model, surveys.before(id, phone.get()), own(id) + "/questionnaire", own(id));
    } catch (DomainException e) {
      return "redirect:" + own(id);
    }
  }

  @PostMapping("/book/mine/{id}/questionnaire")
  String answerBefore(
      @PathVariable UUID id,
      @RequestParam MultiValueMap<String, String> form,
      HttpServletRequest request,
      Model model) {
    Optional<FamilyPhone> phone = FamilyPhone.of(request, clock.instant());
    if (phone.isEmpty()) {
      return "redirect:/book/mine";
    }
    return answer(
        model,
        form,
        own(id) + "/questionnaire",
        own(id),
        () -> surveys.before(id, phone.get()),
        () -> surveys.answerBefore(id, phone.get(), form),
        () -> "redirect:" + own(id) + "?answered");
  }

  @GetMapping("/book/mine/{id}/survey")
  String survey(@PathVariable UUID id, HttpServletRequest request, Model model) {
    Optional<FamilyPhone> phone = FamilyPhone.of(request, clock.instant());
    if (phone.isEmpty()) {
      return "redirect:/book/mine";
    }
    try {
      return form(model, surveys.survey(id, phone.get()), own(id) + "/survey", own(id));
    } catch (DomainException e) {
      return thanks(model, e, own(id));
    }
  }

  @PostMapping("/book/mine/{id}/survey")
  String answerSurvey(
      @PathVariable UUID id,
      @RequestParam MultiValueMap<String, String> form,
      HttpServletRequest request,
      Model model) {
    Optional<FamilyPhone> phone = FamilyPhone.of(request, clock.instant());
    if (phone.isEmpty()) {
      return "redirect:/book/mine";
    }
    return answer(
        model,
        form,
        own(id) + "/survey",
        own(id),
        () -> surveys.survey(id, phone.get()),
        () -> surveys.answerSurvey(id, phone.get(), form),
        () -> thanks(model, text("survey.thanks"), own(id)));
  }

  /** The survey a text message's link opens: no number to prove, and no one's name on it. */
  @GetMapping("/book/survey/{token}")
  String surveyByLink(@PathVariable String token, Model model) {
    try {
      return form(model, surveys.surveyByToken(token), "/book/survey/" + token, null);
    } catch (DomainException e) {
      return thanks(model, e, null);
    }
  }

  @PostMapping("/book/survey/{token}")
  String answerByLink(
      @PathVariable String token, @RequestParam MultiValueMap<String, String> form, Model model) {
    return answer(
        model,
        form,
        "/book/survey/" + token,
        null,
        () -> surveys.surveyByToken(token),
        () -> surveys.answerByToken(token, form),
        () -> thanks(model, text("survey.thanks"), null));
  }

  /**
   * One answer: the questionnaire still open (else said plainly), the answers stored (else the form
   * again, every problem named, what was typed kept), then {@code done}.
   */
  private String answer(
      Model model,
      MultiValueMap<String, String> form,
      String action,
      String back,
      Supplier<QuestionnaireView> open,
      Runnable store,
      Supplier<String> done) {
    QuestionnaireView q;
    try {
      q = open.get();
    } catch (DomainException e) {
      return thanks(model, e, back);
    }
    try {
      store.run();
    } catch (DomainException e) {
      return retry(model, q, action, back, form, e);
    }
    return done.get();
  }

  private static String own(UUID id) {
    return "/book/mine/" + id;
  }

  private String form(Model model, QuestionnaireView q, String action, String back) {
    model.addAttribute("questionnaire", q);
    model.addAttribute("action", action);
    model.addAttribute("back", back);
    model.addAttribute("values", new LinkedMultiValueMap<String, String>());
    model.addAttribute("errors", FormErrors.none());
    return "selfservice/answer";
  }

  private String retry(
      Model model,
      QuestionnaireView q,
      String action,
      String back,
      MultiValueMap<String, String> form,
      DomainException e) {
    form(model, q, action, back);
    form.remove("_csrf");
    form.remove("_submission");
    model.addAttribute("values", form);
    model.addAttribute("errors", FormErrors.of(e, messages));
    return "selfservice/answer";
  }

  /** Answered already, expired, closed: said plainly, with the way back. */
  private String thanks(Model model, DomainException e, String back) {
    String message =
        e.problems().isEmpty()
            ? text("survey.unavailable")
            : messages.getMessage(
                e.problems().get(0).messageKey(),
                e.problems().get(0).args(),
                LocaleContextHolder.getLocale());
    return thanks(model, message, back);
  }

  private String thanks(Model model, String message, String back) {
    model.addAttribute("message", message);
    model.addAttribute("back", back);
    return "selfservice/answered";
  }

  private String text(String key) {
    return messages.getMessage(key, null, LocaleContextHolder.getLocale());
  }
}
