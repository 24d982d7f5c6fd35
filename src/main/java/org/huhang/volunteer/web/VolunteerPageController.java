package org.huhang.volunteer.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
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
import org.huhang.shared.ForbiddenException;
import org.huhang.shared.spreadsheet.SpreadsheetRefused;
import org.huhang.shared.web.FormErrors;
import org.huhang.volunteer.AddQualification;
import org.huhang.volunteer.ImportReport;
import org.huhang.volunteer.LogHours;
import org.huhang.volunteer.VolunteerDetail;
import org.huhang.volunteer.VolunteerSearch;
import org.huhang.volunteer.VolunteerSpreadsheets;
import org.huhang.volunteer.Volunteers;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The volunteer pages: search (page and htmx partial), register, edit, detail, Excel. */
@Controller
class VolunteerPageController {

  private final Volunteers volunteers;
  private final VolunteerSpreadsheets spreadsheets;
  private final Regions regions;
  private final MessageSource messages;
  private final Clock clock;

  VolunteerPageController(
      Volunteers volunteers,
      VolunteerSpreadsheets spreadsheets,
      Regions regions,
      MessageSource messages,
      Clock clock) {
    this.volunteers = volunteers;
    this.spreadsheets = spreadsheets;
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
    model.addAttribute("volunteers", volunteers.search(search, actor));
    model.addAttribute("query", query(search));
    if (htmx.isHtmxRequest() && !htmx.isBoosted()) {
      return "volunteer/volunteerTable";
    }
    model.addAttribute("counties", counties(actor));
    model.addAttribute("centers", volunteers.centerChoices(actor));
    model.addAttribute("specialities", volunteers.specialities());
    return "volunteer/volunteers";
  }

  @GetMapping("/volunteers/export.xlsx")
  void export(
      Actor actor, @ModelAttribute("search") VolunteerSearch search, HttpServletResponse response)
      throws IOException {
    attachment(response, "volunteers-" + LocalDate.now(clock) + ".xlsx");
    spreadsheets.writeExport(search, actor, response.getOutputStream());
  }

  @GetMapping("/volunteers/template.xlsx")
  void template(Actor actor, HttpServletResponse response) throws IOException {
    requireAccess(actor);
    attachment(response, "volunteer-import-template.xlsx");
    spreadsheets.writeTemplate(response.getOutputStream());
  }

  @GetMapping("/volunteers/import")
  String importForm(Actor actor, Model model) {
    requireAccess(actor);
    model.addAttribute("report", null);
    model.addAttribute("refusal", null);
    return "volunteer/import";
  }

  @PostMapping("/volunteers/import")
  String preview(
      Actor actor, @RequestParam(value = "file", required = false) MultipartFile file, Model model)
      throws IOException {
    requireAccess(actor);
    try {
      ImportReport report =
          spreadsheets.preview(file == null ? new byte[0] : file.getBytes(), actor);
      model.addAttribute("report", report);
      model.addAttribute("refusal", null);
    } catch (SpreadsheetRefused e) {
      model.addAttribute("report", null);
      model.addAttribute(
          "refusal",
          messages.getMessage(e.messageKey(), e.args(), LocaleContextHolder.getLocale()));
    }
    return "volunteer/import";
  }

  @PostMapping("/volunteers/import/{token}")
  String confirm(@PathVariable UUID token, Actor actor, Model model, RedirectAttributes redirect) {
    try {
      ImportReport report = spreadsheets.confirm(token, actor);
      if (!report.errors().isEmpty()) {
        model.addAttribute("report", report);
        model.addAttribute("refusal", null);
        return "volunteer/import";
      }
      redirect.addFlashAttribute(
          "notice",
          messages.getMessage(
              "import.done",
              new Object[] {report.newRows(), report.alreadyRegistered()},
              LocaleContextHolder.getLocale()));
      return "redirect:/volunteers";
    } catch (SpreadsheetRefused e) {
      model.addAttribute("report", null);
      model.addAttribute(
          "refusal",
          messages.getMessage(e.messageKey(), e.args(), LocaleContextHolder.getLocale()));
      return "volunteer/import";
    }
  }

  @GetMapping("/volunteers/new")
  String newVolunteer(Actor actor, Model model) {
    requireAccess(actor);
    return form(actor, model, null, VolunteerForm.blank(LocalDate.now(clock)), FormErrors.none());
  }

  @PostMapping("/volunteers")
  String register(
      Actor actor,
      @ModelAttribute("form") VolunteerForm form,
      BindingResult binding,
      Model model,
      RedirectAttributes redirect) {
    requireAccess(actor);
    if (binding.hasErrors()) {
      return form(actor, model, null, form, FormErrors.of(binding, messages));
    }
    try {
      VolunteerDetail created = volunteers.register(form.command(), actor);
      redirect.addFlashAttribute(
          "notice", messages.getMessage("volunteer.saved", null, LocaleContextHolder.getLocale()));
      return "redirect:/volunteers/" + created.id();
    } catch (DomainException e) {
      return form(actor, model, null, form, FormErrors.of(e, messages));
    }
  }

  @GetMapping("/volunteers/{id}")
  String detail(@PathVariable UUID id, Actor actor, Model model) {
    VolunteerDetail v = volunteers.get(id, actor);
    return detailPage(actor, model, v, FormErrors.none(), FormErrors.none());
  }

  @GetMapping("/volunteers/{id}/edit")
  String edit(@PathVariable UUID id, Actor actor, Model model) {
    VolunteerDetail v = volunteers.get(id, actor);
    return form(actor, model, v, VolunteerForm.of(v), FormErrors.none());
  }

  @PostMapping("/volunteers/{id}")
  String update(
      @PathVariable UUID id,
      Actor actor,
      @ModelAttribute("form") VolunteerForm form,
      BindingResult binding,
      Model model,
      RedirectAttributes redirect) {
    VolunteerDetail current = volunteers.get(id, actor);
    if (binding.hasErrors()) {
      return form(actor, model, current, form, FormErrors.of(binding, messages));
    }
    try {
      volunteers.update(id, form.command(), actor);
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
    model.addAttribute("contact", volunteers.reveal(id, actor));
    return "volunteer/contact";
  }

  @PostMapping("/volunteers/{id}/qualifications")
  String addQualification(
      @PathVariable UUID id,
      Actor actor,
      @Validated @ModelAttribute AddQualification command,
      BindingResult binding,
      Model model,
      RedirectAttributes redirect) {
    if (binding.hasErrors()) {
      return detailPage(
          actor,
          model,
          volunteers.get(id, actor),
          FormErrors.of(binding, messages),
          FormErrors.none());
    }
    volunteers.addQualification(id, command, actor);
    return "redirect:/volunteers/" + id + "#qualifications";
  }

  @PostMapping("/volunteers/{id}/hours")
  String logHours(
      @PathVariable UUID id,
      Actor actor,
      @Validated @ModelAttribute LogHours command,
      BindingResult binding,
      Model model) {
    FormErrors errors = binding.hasErrors() ? FormErrors.of(binding, messages) : FormErrors.none();
    if (!errors.any()) {
      try {
        volunteers.logHours(id, command, actor);
        return "redirect:/volunteers/" + id + "#hours";
      } catch (DomainException e) {
        errors = FormErrors.of(e, messages);
      }
    }
    return detailPage(actor, model, volunteers.get(id, actor), FormErrors.none(), errors);
  }

  private String detailPage(
      Actor actor,
      Model model,
      VolunteerDetail v,
      FormErrors qualificationErrors,
      FormErrors hoursErrors) {
    model.addAttribute("volunteer", v);
    model.addAttribute("specialities", volunteers.specialities());
    model.addAttribute("mayReveal", volunteers.mayReveal(v.regionPath(), actor));
    model.addAttribute("qualificationErrors", qualificationErrors);
    model.addAttribute("hoursErrors", hoursErrors);
    model.addAttribute("today", LocalDate.now(clock));
    return "volunteer/volunteer";
  }

  private String form(
      Actor actor, Model model, VolunteerDetail existing, VolunteerForm form, FormErrors errors) {
    model.addAttribute("existing", existing);
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("centers", volunteers.centerChoices(actor));
    model.addAttribute("specialities", volunteers.specialities());
    model.addAttribute(
        "accounts", volunteers.accountChoices(actor, existing == null ? null : existing.userId()));
    return "volunteer/volunteerForm";
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

  private static void attachment(HttpServletResponse response, String filename) {
    response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    response.setHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"");
  }

  private static void requireAccess(Actor actor) {
    if (!Volunteers.mayManage(actor)) {
      throw new ForbiddenException("volunteers");
    }
  }
}
