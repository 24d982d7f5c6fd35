package org.huhang.registration.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.huhang.registration.internal.HolidayCalendars;
import org.huhang.shared.Actor;
import org.huhang.shared.DomainException;
import org.huhang.shared.web.FormErrors;
import org.huhang.shared.web.Pages;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The city administrator enters and publishes each year's State Council holiday notice: as a list
 * of days with 放假/上班 and the holiday's name, or by pasting the notice's lines. Removing a day and
 * publishing a year each pass a confirmation page that says how many applications may move.
 */
@Controller
class CalendarPageController {

  /** Blank rows the list form offers for new days. */
  static final int BLANK_ROWS = 10;

  private final HolidayCalendars calendars;
  private final MessageSource messages;
  private final Clock clock;

  CalendarPageController(HolidayCalendars calendars, MessageSource messages, Clock clock) {
    this.calendars = calendars;
    this.messages = messages;
    this.clock = clock;
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

  /** The year page; with {@code day}, the grid's form for that day above the grid. */
  @GetMapping("/calendar/{year}")
  String year(
      @PathVariable int year,
      @RequestParam(required = false) String day,
      HtmxRequest htmx,
      Actor actor,
      Model model) {
    if (day == null || day.isBlank()) {
      return yearPage(year, actor, model, FormErrors.none(), "", blankRows(List.of()));
    }
    List<HolidayCalendars.Day> days = calendars.days(year, actor);
    LocalDate chosen = dayIn(year, day);
    if (chosen == null) {
      FormErrors errors = FormErrors.of(notInYear(year, day), messages);
      model.addAttribute("dayForm", new CalendarGrid.DayForm(day, "NONE", "", false, false));
      return Pages.fullOrPartial(
          htmx,
          yearPage(year, actor, model, errors, "", blankRows(List.of())),
          "registration/calendarGrid");
    }
    HolidayCalendars.Day entry =
        days.stream().filter(d -> d.day().equals(chosen)).findFirst().orElse(null);
    model.addAttribute(
        "dayForm",
        new CalendarGrid.DayForm(
            chosen.toString(),
            entry == null ? "NONE" : entry.kind().name(),
            entry == null ? "" : entry.name(),
            weekend(chosen),
            entry != null));
    return Pages.fullOrPartial(
        htmx,
        yearPage(year, actor, model, FormErrors.none(), "", blankRows(List.of())),
        "registration/calendarGrid");
  }

  /**
   * The grid's day form: 放假 or 上班 with a name saves that one day; 恢复为普通日 on an entered day goes to
   * the removal's confirmation, which says how many applications' deadlines will be recomputed.
   */
  @PostMapping("/calendar/{year}/day")
  String putDay(
      @PathVariable int year,
      Actor actor,
      @RequestParam(defaultValue = "") String day,
      @RequestParam(defaultValue = "") String kind,
      @RequestParam(defaultValue = "") String name,
      Model model,
      RedirectAttributes redirect) {
    calendars.year(year, actor);
    LocalDate chosen = dayIn(year, day);
    boolean entered =
        chosen != null
            && calendars.days(year, actor).stream().anyMatch(d -> d.day().equals(chosen));
    try {
      if ("NONE".equals(kind)) {
        if (chosen == null) {
          throw notInYear(year, day);
        }
        if (entered) {
          return "redirect:/calendar/" + year + "/days/" + chosen + "/delete";
        }
        redirect.addFlashAttribute("notice", text("calendar.dayForm.unchanged", chosen.toString()));
        return "redirect:/calendar/" + year;
      }
      calendars.putDay(year, new HolidayCalendars.Entry(day, kind, name), actor);
      redirect.addFlashAttribute(
          "notice",
          text(
              "calendar.dayForm.saved",
              day.strip(),
              text("calendar.kind." + ("WORK".equals(kind) ? "WORK" : "OFF")),
              name.strip()));
      return "redirect:/calendar/" + year;
    } catch (DomainException e) {
      model.addAttribute(
          "dayForm",
          new CalendarGrid.DayForm(day, kind, name, chosen != null && weekend(chosen), entered));
      return yearPage(year, actor, model, FormErrors.of(e, messages), "", blankRows(List.of()));
    }
  }

  /** The day, when it is a date of the year; null otherwise. */
  private static LocalDate dayIn(int year, String day) {
    try {
      LocalDate d = LocalDate.parse(day.strip());
      return d.getYear() == year ? d : null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static DomainException notInYear(int year, String day) {
    return DomainException.of(
        "day", "calendar.dayForm.otherYear", day.strip(), String.valueOf(year));
  }

  private static boolean weekend(LocalDate day) {
    return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
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
      redirect.addFlashAttribute("notice", text("calendar.days.saved", n));
      return "redirect:/calendar/" + year;
    } catch (DomainException e) {
      return yearPage(year, actor, model, FormErrors.of(e, messages), lines, blankRows(List.of()));
    }
  }

  /** The list form: parallel fields {@code day}, {@code kind}, {@code name}, one per row. */
  @PostMapping("/calendar/{year}/entries")
  String putEntries(
      @PathVariable int year,
      Actor actor,
      @RequestParam MultiValueMap<String, String> form,
      Model model,
      RedirectAttributes redirect) {
    List<String> days = form.getOrDefault("day", List.of());
    List<String> kinds = form.getOrDefault("kind", List.of());
    List<String> names = form.getOrDefault("name", List.of());
    List<HolidayCalendars.Entry> entries = new ArrayList<>();
    for (int i = 0; i < Math.max(days.size(), Math.max(kinds.size(), names.size())); i++) {
      entries.add(new HolidayCalendars.Entry(at(days, i), at(kinds, i), at(names, i)));
    }
    try {
      int n = calendars.putEntries(year, entries, actor);
      redirect.addFlashAttribute("notice", text("calendar.days.saved", n));
      return "redirect:/calendar/" + year;
    } catch (DomainException e) {
      return yearPage(year, actor, model, FormErrors.of(e, messages), "", blankRows(entries));
    }
  }

  @GetMapping("/calendar/{year}/days/{day}/delete")
  String confirmRemoveDay(
      @PathVariable int year,
      @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
      Actor actor,
      Model model) {
    int affected = calendars.affectedBy(day, actor);
    model.addAttribute("year", calendars.year(year, actor));
    model.addAttribute("question", text("calendar.remove.confirm", day.toString(), affected));
    model.addAttribute("action", "/calendar/" + year + "/days/" + day + "/delete");
    model.addAttribute("button", text("calendar.remove.do"));
    return "registration/calendarConfirm";
  }

  @PostMapping("/calendar/{year}/days/{day}/delete")
  String removeDay(
      @PathVariable int year,
      @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
      Actor actor,
      RedirectAttributes redirect) {
    int moved = calendars.removeDay(day, actor);
    redirect.addFlashAttribute("notice", text("calendar.removed", day.toString(), moved));
    return "redirect:/calendar/" + year;
  }

  @GetMapping("/calendar/{year}/publish")
  String confirmPublish(@PathVariable int year, Actor actor, Model model) {
    int affected = calendars.affectedBy(year, actor);
    model.addAttribute("year", calendars.year(year, actor));
    model.addAttribute(
        "question", text("calendar.publish.confirm", String.valueOf(year), affected));
    model.addAttribute("action", "/calendar/" + year + "/publish");
    model.addAttribute("button", text("calendar.publish"));
    return "registration/calendarConfirm";
  }

  @PostMapping("/calendar/{year}/publish")
  String publish(@PathVariable int year, Actor actor, Model model, RedirectAttributes redirect) {
    try {
      int moved = calendars.publish(year, actor);
      redirect.addFlashAttribute("notice", text("calendar.published", String.valueOf(year), moved));
      return "redirect:/calendar/" + year;
    } catch (DomainException e) {
      return yearPage(year, actor, model, FormErrors.of(e, messages), "", blankRows(List.of()));
    }
  }

  private String yearPage(
      int year,
      Actor actor,
      Model model,
      FormErrors errors,
      String lines,
      List<HolidayCalendars.Entry> rows) {
    model.addAttribute("year", calendars.year(year, actor));
    List<HolidayCalendars.Day> days = calendars.days(year, actor);
    model.addAttribute("days", days);
    CalendarGrid.DayForm form = (CalendarGrid.DayForm) model.getAttribute("dayForm");
    model.addAttribute(
        "grid",
        CalendarGrid.of(
            year, days, LocalDate.now(clock), form == null ? null : dayIn(year, form.day())));
    model.addAttribute("errors", errors);
    model.addAttribute("lines", lines);
    model.addAttribute("rows", rows);
    return "registration/calendarYear";
  }

  /** The rows typed (kept when refused), then blank ones up to the form's size. */
  private static List<HolidayCalendars.Entry> blankRows(List<HolidayCalendars.Entry> typed) {
    List<HolidayCalendars.Entry> rows = new ArrayList<>(typed);
    while (rows.size() < BLANK_ROWS) {
      rows.add(new HolidayCalendars.Entry("", "", ""));
    }
    return rows;
  }

  private static String at(List<String> values, int i) {
    return i < values.size() ? values.get(i) : "";
  }

  private String text(String key, Object... args) {
    return messages.getMessage(key, args, LocaleContextHolder.getLocale());
  }
}
