package org.huhang.registration.web;

import java.time.LocalDate;
import org.huhang.registration.internal.HolidayCalendars;
import org.huhang.shared.Actor;
import org.huhang.shared.DomainException;
import org.huhang.shared.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The city administrator enters and publishes each year's State Council holiday notice. */
@Controller
class CalendarPageController {

  private final HolidayCalendars calendars;
  private final MessageSource messages;

  CalendarPageController(HolidayCalendars calendars, MessageSource messages) {
    this.calendars = calendars;
    this.messages = messages;
  }

  @GetMapping("/calendar")
  String years(Actor actor, Model model) {
    model.addAttribute("years", calendars.years(actor));
    model.addAttribute("errors", FormErrors.none());
    return "registration/calendarYears";
  }

  @PostMapping("/calendar")
  String addYear(Actor actor, @RequestParam(required = false) Integer year, Model model) {
    try {
      calendars.addYear(year == null ? 0 : year, actor);
      return "redirect:/calendar/" + year;
    } catch (DomainException e) {
      model.addAttribute("years", calendars.years(actor));
      model.addAttribute("errors", FormErrors.of(e, messages));
      return "registration/calendarYears";
    }
  }

  @GetMapping("/calendar/{year}")
  String year(@PathVariable int year, Actor actor, Model model) {
    return yearPage(year, actor, model, FormErrors.none(), "");
  }

  @PostMapping("/calendar/{year}/days")
  String putDays(
      @PathVariable int year,
      Actor actor,
      @RequestParam(defaultValue = "") String lines,
      Model model,
      RedirectAttributes redirect) {
    try {
      int n = calendars.putDays(year, lines, actor);
      redirect.addFlashAttribute(
          "notice",
          messages.getMessage(
              "calendar.days.saved", new Object[] {n}, LocaleContextHolder.getLocale()));
      return "redirect:/calendar/" + year;
    } catch (DomainException e) {
      return yearPage(year, actor, model, FormErrors.of(e, messages), lines);
    }
  }

  @PostMapping("/calendar/{year}/days/{day}/delete")
  String removeDay(
      @PathVariable int year,
      @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
      Actor actor) {
    calendars.removeDay(day, actor);
    return "redirect:/calendar/" + year;
  }

  @PostMapping("/calendar/{year}/publish")
  String publish(@PathVariable int year, Actor actor, Model model, RedirectAttributes redirect) {
    try {
      int moved = calendars.publish(year, actor);
      redirect.addFlashAttribute(
          "notice",
          messages.getMessage(
              "calendar.published",
              new Object[] {String.valueOf(year), moved},
              LocaleContextHolder.getLocale()));
      return "redirect:/calendar/" + year;
    } catch (DomainException e) {
      return yearPage(year, actor, model, FormErrors.of(e, messages), "");
    }
  }

  private String yearPage(int year, Actor actor, Model model, FormErrors errors, String lines) {
    model.addAttribute("year", calendars.year(year, actor));
    model.addAttribute("days", calendars.days(year, actor));
    model.addAttribute("errors", errors);
    model.addAttribute("lines", lines);
    return "registration/calendarYear";
  }
}
