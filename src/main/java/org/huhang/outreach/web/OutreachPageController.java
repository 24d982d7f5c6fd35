package org.huhang.outreach.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import java.beans.PropertyEditorSupport;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import org.huhang.center.CenterId;
import org.huhang.outreach.OutreachEventId;
import org.huhang.outreach.OutreachEventView;
import org.huhang.outreach.OutreachEvents;
import org.huhang.outreach.OutreachSearch;
import org.huhang.outreach.OutreachType;
import org.huhang.outreach.SaveOutreachEvent;
import org.huhang.outreach.internal.OutreachForms;
import org.huhang.outreach.internal.OutreachForms.OutreachForm;
import org.huhang.outreach.internal.OutreachPolicy;
import org.huhang.shared.Actor;
import org.huhang.shared.DomainException;
import org.huhang.shared.web.FormErrors;
import org.huhang.shared.web.Pages;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Outreach list (also its own htmx partial), month calendar, event page, and the record and edit
 * forms. Who may do what is the module's policy: this class only asks it what to show.
 */
@Controller
class OutreachPageController {

  private final OutreachEvents events;
  private final OutreachForms forms;
  private final OutreachPolicy policy;
  private final MessageSource messages;
  private final Clock clock;

  OutreachPageController(
      OutreachEvents events,
      OutreachForms forms,
      OutreachPolicy policy,
      MessageSource messages,
      Clock clock) {
    this.events = events;
    this.forms = forms;
    this.policy = policy;
    this.messages = messages;
    this.clock = clock;
  }

  /** The form's "no center" option sends an empty value: no organiser, not an unreadable id. */
  @InitBinder("command")
  void blankCenterIsNone(WebDataBinder binder) {
    binder.registerCustomEditor(
        CenterId.class,
        new PropertyEditorSupport() {
          @Override
          public void setAsText(String text) {
            setValue(text == null || text.isBlank() ? null : CenterId.of(text.strip()));
          }

          @Override
          public String getAsText() {
            return getValue() == null ? "" : getValue().toString();
          }
        });
  }

  @GetMapping("/outreach-events")
  String list(
      Actor actor,
      HtmxRequest htmx,
      @RequestParam(required = false) OutreachType type,
      @RequestParam(required = false) String region,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) Integer page,
      Model model) {
    OutreachSearch search = new OutreachSearch(type, region, from, to, page, null);
    model.addAttribute("search", search);
    model.addAttribute("events", events.search(search, actor));
    model.addAttribute("regions", events.filterRegions(actor));
    model.addAttribute("canCreate", policy.mayCreate(actor));
    return Pages.fullOrPartial(htmx, "outreach/events", "outreach/eventTable");
  }

  @GetMapping("/outreach-events/calendar")
  String calendar(
      Actor actor,
      @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth month,
      Model model) {
    YearMonth shown = month == null ? YearMonth.now(clock) : month;
    model.addAttribute("month", shown);
    model.addAttribute("days", events.month(shown, actor));
    model.addAttribute("today", LocalDate.now(clock));
    return "outreach/calendar";
  }

  @GetMapping("/outreach-events/{id}")
  String detail(@PathVariable OutreachEventId id, Actor actor, Model model) {
    OutreachEventView event = events.get(id, actor);
    model.addAttribute("event", event);
    model.addAttribute("canEdit", policy.mayWriteAt(actor, event.regionPath()));
    return "outreach/event";
  }

  @GetMapping("/outreach-events/new")
  String newEvent(Actor actor, Model model) {
    return form(model, forms.blank(actor), FormErrors.none());
  }

  @PostMapping("/outreach-events")
  String create(
      Actor actor,
      @Validated @ModelAttribute("command") SaveOutreachEvent command,
      BindingResult binding,
      Model model,
      RedirectAttributes redirect) {
    events.requireCreator(actor);
    if (binding.hasErrors()) {
      return form(
          model,
          forms.forNew(command, actor),
          FormErrors.of(binding, messages).and(events.problems(null, command, actor), messages));
    }
    try {
      OutreachEventView created = events.create(command, actor);
      redirect.addFlashAttribute("notice", "outreach.saved");
      return "redirect:/outreach-events/" + created.id();
    } catch (DomainException e) {
      return form(model, forms.forNew(command, actor), FormErrors.of(e, messages));
    }
  }

  @GetMapping("/outreach-events/{id}/edit")
  String edit(@PathVariable OutreachEventId id, Actor actor, Model model) {
    return form(model, forms.forEdit(id.value(), actor), FormErrors.none());
  }

  @PostMapping("/outreach-events/{id}")
  String update(
      @PathVariable OutreachEventId id,
      Actor actor,
      @Validated @ModelAttribute("command") SaveOutreachEvent command,
      BindingResult binding,
      Model model,
      RedirectAttributes redirect) {
    events.requireEditor(id, actor);
    if (binding.hasErrors()) {
      return form(
          model,
          forms.forEdit(id.value(), command, actor),
          FormErrors.of(binding, messages).and(events.problems(id, command, actor), messages));
    }
    try {
      events.update(id, command, actor);
      redirect.addFlashAttribute("notice", "outreach.saved");
      return "redirect:/outreach-events/" + id;
    } catch (DomainException e) {
      return form(model, forms.forEdit(id.value(), command, actor), FormErrors.of(e, messages));
    }
  }

  private String form(Model model, OutreachForm form, FormErrors errors) {
    model.addAttribute("existing", form.existing());
    model.addAttribute("command", form.command());
    model.addAttribute("errors", errors);
    model.addAttribute("regions", form.regions());
    model.addAttribute("centers", form.centers());
    model.addAttribute("types", Arrays.asList(OutreachType.values()));
    return "outreach/eventForm";
  }
}
