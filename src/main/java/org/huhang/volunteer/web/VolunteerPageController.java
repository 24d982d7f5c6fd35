package org.huhang.volunteer.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.huhang.region.RegionLevel;
import org.huhang.region.RegionView;
import org.huhang.region.Regions;
import org.huhang.shared.Actor;
import org.huhang.shared.DomainException;
import org.huhang.shared.web.FormErrors;
import org.huhang.shared.web.Pages;
import org.huhang.volunteer.AddQualification;
import org.huhang.volunteer.HoursKind;
import org.huhang.volunteer.LogHours;
import org.huhang.volunteer.RegisterVolunteer;
import org.huhang.volunteer.VolunteerDetail;
import org.huhang.volunteer.VolunteerId;
import org.huhang.volunteer.VolunteerSearch;
import org.huhang.volunteer.VolunteerStatus;
import org.huhang.volunteer.internal.ContactReveal;
import org.huhang.volunteer.internal.SpecialityDictionary;
import org.huhang.volunteer.internal.VolunteerDirectory;
import org.huhang.volunteer.internal.VolunteerPolicy;
import org.huhang.volunteer.internal.VolunteerRecords;
import org.huhang.volunteer.internal.VolunteerRegistry;
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

/** The volunteer pages: search (page and htmx partial), register, edit, detail, Excel. */
@Controller
class VolunteerPageController {

  private final VolunteerDirectory directory;
  private final VolunteerRegistry registry;
  private final VolunteerRecords records;
  private final ContactReveal contacts;
  private final SpecialityDictionary dictionary;
  private final VolunteerPolicy policy;
  private final Regions regions;
  private final MessageSource messages;
  private final Clock clock;

  VolunteerPageController(
      VolunteerDirectory directory,
      VolunteerRegistry registry,
      VolunteerRecords records,
      ContactReveal contacts,
      SpecialityDictionary dictionary,
      VolunteerPolicy policy,
      Regions regions,
      MessageSource messages,
      Clock clock) {
    this.directory = directory;
    this.registry = registry;
    this.records = records;
    this.contacts = contacts;
    this.dictionary = dictionary;
    this.policy = policy;
    this.regions = regions;
    this.messages = messages;
    this.clock = clock;
  }

  @GetMapping("/volunteers")
  String list(
      Actor actor,
      HtmxRequest htmx,
      @ModelAttribute("search") VolunteerSearch search,
      Model model) {
    model.addAttribute("volunteers", directory.search(search, actor));
    model.addAttribute("query", query(search));
    if (Pages.isPartial(htmx)) {
      // The filters and paging swap the table only; the page also needs the filter choices.
      return "volunteer/volunteerTable";
    }
    model.addAttribute("counties", counties(actor));
    model.addAttribute("centers", registry.centerChoices(actor));
    model.addAttribute("specialities", dictionary.specialities());
    model.addAttribute("mayKeepDictionary", policy.mayKeepDictionary(actor));
    return "volunteer/volunteers";
  }

  @GetMapping("/volunteers/new")
  String newVolunteer(Actor actor, Model model) {
    return form(actor, model, null, blank(LocalDate.now(clock)), FormErrors.none());
  }

  @PostMapping("/volunteers")
  String register(
      Actor actor,
      @ModelAttribute("form") RegisterVolunteer form,
      BindingResult binding,
      Model model,
      RedirectAttributes redirect) {
    if (binding.hasErrors()) {
      FormErrors errors =
          FormErrors.of(binding, messages).and(registry.problems(null, form, actor), messages);
      return form(actor, model, null, form, errors);
    }
    try {
      VolunteerDetail created = registry.register(form, actor);
      redirect.addFlashAttribute(
          "notice", messages.getMessage("volunteer.saved", null, LocaleContextHolder.getLocale()));
      return "redirect:/volunteers/" + created.id();
    } catch (DomainException e) {
      return form(actor, model, null, form, FormErrors.of(e, messages));
    }
  }

  @GetMapping("/volunteers/{id}")
  String detail(@PathVariable UUID id, Actor actor, Model model) {
    VolunteerDetail v = directory.get(new VolunteerId(id), actor);
    return detailPage(actor, model, v, FormErrors.none(), FormErrors.none());
  }

  @GetMapping("/volunteers/{id}/edit")
  String edit(@PathVariable UUID id, Actor actor, Model model) {
    VolunteerDetail v = directory.get(new VolunteerId(id), actor);
    return form(actor, model, v, editing(v), FormErrors.none());
  }

  @PostMapping("/volunteers/{id}")
  String update(
      @PathVariable UUID id,
      Actor actor,
      @ModelAttribute("form") RegisterVolunteer form,
      BindingResult binding,
      Model model,
      RedirectAttributes redirect) {
    VolunteerDetail current = directory.get(new VolunteerId(id), actor);
    if (binding.hasErrors()) {
      FormErrors errors =
          FormErrors.of(binding, messages)
              .and(registry.problems(new VolunteerId(id), form, actor), messages);
      return form(actor, model, current, form, errors);
    }
    try {
      registry.update(new VolunteerId(id), form, actor);
      redirect.addFlashAttribute(
          "notice", messages.getMessage("volunteer.saved", null, LocaleContextHolder.getLocale()));
      return "redirect:/volunteers/" + id;
    } catch (DomainException e) {
      return form(actor, model, current, form, FormErrors.of(e, messages));
    }
  }

  /** The whole numbers, swapped into the page by htmx; every call is an audited read. */
  @PostMapping("/volunteers/{id}/contact")
  String reveal(@PathVariable UUID id, Actor actor, Model model) {
    model.addAttribute("contact", contacts.reveal(new VolunteerId(id), actor));
    return "volunteer/contact";
  }

  /**
   * Adds a certificate. A field that cannot be read (a date that does not exist) and the rules'
   * problems of the others are shown together, with what was typed kept in the form.
   */
  @PostMapping("/volunteers/{id}/qualifications")
  String addQualification(
      @PathVariable UUID id,
      Actor actor,
      @ModelAttribute AddQualification command,
      BindingResult binding,
      Model model) {
    FormErrors errors;
    if (binding.hasErrors()) {
      errors = FormErrors.of(binding, messages).and(records.problems(command), messages);
    } else {
      try {
        records.addQualification(new VolunteerId(id), command, actor);
        return "redirect:/volunteers/" + id + "#qualifications";
      } catch (DomainException e) {
        errors = FormErrors.of(e, messages);
      }
    }
    model.addAttribute("qualification", command);
    return detailPage(
        actor, model, directory.get(new VolunteerId(id), actor), errors, FormErrors.none());
  }

  /** Logs hours; as with certificates, every problem at once and nothing typed lost. */
  @PostMapping("/volunteers/{id}/hours")
  String logHours(
      @PathVariable UUID id,
      Actor actor,
      @ModelAttribute LogHours command,
      BindingResult binding,
      Model model) {
    FormErrors errors;
    if (binding.hasErrors()) {
      errors = FormErrors.of(binding, messages).and(records.problems(command), messages);
    } else {
      try {
        records.logHours(new VolunteerId(id), command, actor);
        return "redirect:/volunteers/" + id + "#hours";
      } catch (DomainException e) {
        errors = FormErrors.of(e, messages);
      }
    }
    model.addAttribute("hours", command);
    return detailPage(
        actor, model, directory.get(new VolunteerId(id), actor), FormErrors.none(), errors);
  }

  private String detailPage(
      Actor actor,
      Model model,
      VolunteerDetail v,
      FormErrors qualificationErrors,
      FormErrors hoursErrors) {
    model.addAttribute("volunteer", v);
    model.addAttribute("specialities", dictionary.specialities());
    model.addAttribute("mayReveal", policy.mayReveal(v.regionPath(), actor));
    model.addAttribute("qualificationErrors", qualificationErrors);
    model.addAttribute("hoursErrors", hoursErrors);
    LocalDate today = LocalDate.now(clock);
    model.addAttribute("today", today);
    if (!model.containsAttribute("qualification")) {
      model.addAttribute("qualification", new AddQualification("", "", "", null));
    }
    if (!model.containsAttribute("hours")) {
      model.addAttribute("hours", new LogHours(HoursKind.SERVICE, today, null, ""));
    }
    return "volunteer/volunteer";
  }

  private String form(
      Actor actor,
      Model model,
      VolunteerDetail existing,
      RegisterVolunteer form,
      FormErrors errors) {
    model.addAttribute("existing", existing);
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    // A closed center takes no one new; a volunteer already there keeps it offered.
    model.addAttribute(
        "centers",
        registry.centerChoices(actor).stream()
            .filter(
                c ->
                    c.status() != org.huhang.center.CenterStatus.CLOSED
                        || (existing != null && c.id().value().equals(existing.centerId())))
            .toList());
    model.addAttribute("specialities", dictionary.specialities());
    model.addAttribute(
        "accounts", registry.accountChoices(actor, existing == null ? null : existing.userId()));
    return "volunteer/volunteerForm";
  }

  /** A new volunteer's form: active from today. */
  private static RegisterVolunteer blank(LocalDate today) {
    return new RegisterVolunteer(
        "",
        null,
        null,
        "",
        "",
        null,
        List.of(),
        "",
        List.of(),
        null,
        VolunteerStatus.ACTIVE,
        today,
        null);
  }

  /**
   * The form of a registered volunteer. The identity number and phone stay empty: the page never
   * holds them whole, and an empty one keeps the stored one.
   */
  private static RegisterVolunteer editing(VolunteerDetail v) {
    return new RegisterVolunteer(
        v.name(),
        v.gender(),
        v.birthDate(),
        "",
        "",
        v.background(),
        v.specialities(),
        String.join("、", v.dialects()),
        List.copyOf(v.availability()),
        v.centerId(),
        v.status(),
        v.joinedOn(),
        v.userId());
  }

  private List<RegionView> counties(Actor actor) {
    return regions.inScope(actor.scope()).stream()
        .filter(r -> r.level() == RegionLevel.COUNTY)
        .toList();
  }

  /** The search as a query string, for pager links and the export. */
  static String query(VolunteerSearch s) {
    StringBuilder q = new StringBuilder();
    append(q, "q", s.q());
    append(q, "background", s.background() == null ? null : s.background().name());
    append(q, "speciality", s.speciality());
    append(q, "county", s.county());
    append(q, "centerId", s.centerId() == null ? null : s.centerId().toString());
    append(q, "status", s.status() == null ? null : s.status().name());
    append(q, "sort", s.sort().name());
    return q.toString();
  }

  private static void append(StringBuilder q, String name, String value) {
    if (value != null && !value.isEmpty()) {
      q.append(name)
          .append('=')
          .append(URLEncoder.encode(value, StandardCharsets.UTF_8))
          .append('&');
    }
  }
}
