package org.huhang.selfservice.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.huhang.selfservice.internal.SurveyFigures;
import org.huhang.selfservice.internal.Surveys;
import org.huhang.shared.Actor;
import org.huhang.shared.LegalTime;
import org.huhang.shared.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Staff read what families answered: a booking's answers (the questionnaire before for those who
 * see the booking, the survey for the case's team only; every read audited), and the satisfaction
 * figures, which name no one.
 */
@Controller
class SurveyDeskController {

  private final Surveys surveys;
  private final org.huhang.selfservice.internal.BookingDesk desk;
  private final SurveyFigures figures;
  private final MessageSource messages;
  private final Clock clock;

  SurveyDeskController(
      Surveys surveys,
      org.huhang.selfservice.internal.BookingDesk desk,
      SurveyFigures figures,
      MessageSource messages,
      Clock clock) {
    this.surveys = surveys;
    this.desk = desk;
    this.figures = figures;
    this.messages = messages;
    this.clock = clock;
  }

  /** From a case opened from a booking to that booking (its message, its answers). */
  @GetMapping("/bookings/of-case/{caseId}")
  String ofCase(@PathVariable UUID caseId, Actor actor) {
    return "redirect:/bookings/" + desk.bookingOfCase(caseId, actor);
  }

  @GetMapping("/bookings/{id}/answers")
  String answers(@PathVariable UUID id, Actor actor, Model model) {
    model.addAttribute("bookingId", id);
    Surveys.DeskAnswers answers = surveys.forDesk(id, actor);
    model.addAttribute("answers", answers.answers());
    model.addAttribute("readsSurvey", answers.readsSurvey());
    model.addAttribute("surveyHidden", answers.surveyHidden());
    return "selfservice/deskAnswers";
  }

  /**
   * Satisfaction by county and center for surveys sent in a period (this year by default); an
   * impossible or reversed period is said, not guessed.
   */
  @GetMapping("/surveys")
  String figures(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      Actor actor,
      Model model) {
    figures.requireReader(actor);
    LocalDate today = LocalDate.now(clock.withZone(LegalTime.ZONE));
    java.util.Map<String, String> problems = new java.util.LinkedHashMap<>();
    LocalDate f = day("from", from, today.withDayOfYear(1), problems);
    LocalDate t = day("to", to, today, problems);
    FormErrors errors = FormErrors.none();
    if (!problems.isEmpty()) {
      errors = new FormErrors(problems);
      model.addAttribute("rows", java.util.List.of());
    } else if (t.isBefore(f)) {
      errors =
          new FormErrors(
              java.util.Map.of(
                  "to",
                  messages.getMessage(
                      "survey.period.reversed", null, LocaleContextHolder.getLocale())));
      model.addAttribute("rows", java.util.List.of());
    } else {
      model.addAttribute("rows", figures.rows(actor, f, t));
    }
    model.addAttribute("from", problems.containsKey("from") ? from : f.toString());
    model.addAttribute("to", problems.containsKey("to") ? to : t.toString());
    model.addAttribute("errors", errors);
    return "selfservice/figures";
  }

  /** A day as typed (yyyy-mm-dd), the default when blank; an impossible one is named. */
  private LocalDate day(
      String field, String value, LocalDate otherwise, java.util.Map<String, String> problems) {
    if (value == null || value.isBlank()) {
      return otherwise;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (java.time.format.DateTimeParseException e) {
      problems.put(
          field,
          messages.getMessage("surveys.date.invalid", null, LocaleContextHolder.getLocale()));
      return otherwise;
    }
  }
}
