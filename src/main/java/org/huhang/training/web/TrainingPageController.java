package org.huhang.training.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.huhang.shared.Actor;
import org.huhang.shared.DomainException;
import org.huhang.shared.NotFoundException;
import org.huhang.shared.web.FormErrors;
import org.huhang.shared.web.Pages;
import org.huhang.training.AddModule;
import org.huhang.training.CourseId;
import org.huhang.training.CourseView;
import org.huhang.training.Courses;
import org.huhang.training.GiveFeedback;
import org.huhang.training.ModuleKind;
import org.huhang.training.ModuleView;
import org.huhang.training.ParticipantStatus;
import org.huhang.training.ParticipantView;
import org.huhang.training.SaveCourse;
import org.huhang.training.internal.Certificates;
import org.huhang.training.internal.CourseCatalog;
import org.huhang.training.internal.CourseForms;
import org.huhang.training.internal.Enrollments;
import org.huhang.training.internal.Feedbacks;
import org.huhang.training.internal.TrainingPolicy;
import org.huhang.volunteer.VolunteerId;
import org.huhang.volunteer.VolunteerRef;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Training pages: the course list, a course with its modules by day and its participants, the
 * course and module forms, enrollment, a module's attendance (a list of names to tick, usable on a
 * phone), certificates and feedback. What to show is asked of the policy; the services refuse.
 */
@Controller
class TrainingPageController {

  private final Courses courses;
  private final CourseForms forms;
  private final Enrollments enrollments;
  private final Certificates certificates;
  private final Feedbacks feedbacks;
  private final TrainingPolicy policy;
  private final MessageSource messages;
  private final CourseCatalog catalog;
  private final org.springframework.beans.factory.ObjectProvider<
          org.huhang.training.ModuleMaterials>
      materials;

  TrainingPageController(
      CourseCatalog catalog,
      org.springframework.beans.factory.ObjectProvider<org.huhang.training.ModuleMaterials>
          materials,
      Courses courses,
      CourseForms forms,
      Enrollments enrollments,
      Certificates certificates,
      Feedbacks feedbacks,
      TrainingPolicy policy,
      MessageSource messages) {
    this.catalog = catalog;
    this.materials = materials;
    this.courses = courses;
    this.forms = forms;
    this.enrollments = enrollments;
    this.certificates = certificates;
    this.feedbacks = feedbacks;
    this.policy = policy;
    this.messages = messages;
  }

  @GetMapping("/training/courses")
  String list(
      Actor actor, HtmxRequest htmx, @RequestParam(required = false) Integer page, Model model) {
    model.addAttribute("courses", courses.list(page, null, actor));
    model.addAttribute("canCreate", policy.mayCreate(actor));
    return Pages.fullOrPartial(htmx, "training/courses", "training/courseTable");
  }

  @GetMapping("/training/courses/{id}")
  String detail(@PathVariable CourseId id, Actor actor, Model model) {
    return detailPage(id, actor, model, FormErrors.none(), null);
  }

  private String detailPage(
      CourseId id, Actor actor, Model model, FormErrors errors, GiveFeedback feedback) {
    CourseView course = courses.get(id, actor);
    boolean canManage = policy.mayManage(actor, course.regionPath());
    // The actor's own rows, its volunteer looked up once for the whole list.
    java.util.function.Predicate<ParticipantView> own = certificates.ownedBy(actor);
    // Who attended what is the organiser's record: a participant or reader sees its own row only.
    List<ParticipantView> participants =
        courses.participants(id, actor).stream().filter(p -> canManage || own.test(p)).toList();
    List<UUID> printable = new ArrayList<>();
    participants.stream()
        .filter(p -> certificates.mayPrint(course, p, actor, own))
        .forEach(p -> printable.add(p.id()));
    model.addAttribute("course", course);
    // Material other modules attached to the modules (teaching cases), by module.
    java.util.Map<UUID, List<org.huhang.training.ModuleMaterials.Material>> attached =
        new java.util.HashMap<>();
    List<UUID> moduleIds = course.modules().stream().map(ModuleView::id).toList();
    materials
        .orderedStream()
        .flatMap(m -> m.materials(moduleIds, actor).stream())
        .forEach(m -> attached.computeIfAbsent(m.moduleId(), k -> new ArrayList<>()).add(m));
    model.addAttribute("materials", attached);
    model.addAttribute("participants", participants);
    model.addAttribute("canManage", canManage);
    model.addAttribute("printable", printable);
    // The volunteers to enroll, grouped by county as the discussion groups are.
    java.util.Map<String, List<VolunteerRef>> candidates = new java.util.LinkedHashMap<>();
    if (canManage) {
      enrollments
          .candidates(id, actor)
          .forEach(
              v ->
                  candidates
                      .computeIfAbsent(catalog.groupName(v.regionPath()), k -> new ArrayList<>())
                      .add(v));
    }
    model.addAttribute("candidates", candidates);
    // Staff (federation and civil-affairs) to enroll, grouped the same way.
    java.util.Map<String, List<org.huhang.identity.UserRef>> staff =
        new java.util.LinkedHashMap<>();
    if (canManage) {
      enrollments
          .staffCandidates(id, actor)
          .forEach(
              u ->
                  staff
                      .computeIfAbsent(catalog.groupName(u.regionPath()), k -> new ArrayList<>())
                      .add(u));
    }
    model.addAttribute("staffCandidates", staff);
    model.addAttribute("summary", canManage ? feedbacks.summary(id, actor) : null);
    boolean mayGive = feedbacks.mayGive(course, actor);
    model.addAttribute("mayGiveFeedback", mayGive);
    model.addAttribute(
        "feedback",
        feedback != null
            ? feedback
            : new GiveFeedback(
                mayGive ? feedbacks.ratingGiven(course, actor).orElse(null) : null, null));
    model.addAttribute("errors", errors);
    return "training/course";
  }

  @GetMapping("/training/courses/new")
  String newCourse(Actor actor, Model model) {
    return courseForm(model, null, SaveCourse.blank(actor.regionCode()), actor, FormErrors.none());
  }

  @PostMapping("/training/courses")
  String create(
      Actor actor,
      @Validated @ModelAttribute("command") SaveCourse command,
      BindingResult binding,
      Model model,
      RedirectAttributes redirect) {
    if (binding.hasErrors()) {
      return courseForm(model, null, command, actor, FormErrors.of(binding, messages));
    }
    try {
      CourseId id = courses.create(command, actor);
      redirect.addFlashAttribute("notice", "course.saved");
      return "redirect:/training/courses/" + id;
    } catch (DomainException e) {
      return courseForm(model, null, command, actor, FormErrors.of(e, messages));
    }
  }

  @GetMapping("/training/courses/{id}/edit")
  String edit(@PathVariable CourseId id, Actor actor, Model model) {
    CourseView existing = forms.managed(id, actor);
    return courseForm(model, existing, SaveCourse.of(existing), actor, FormErrors.none());
  }

  @PostMapping("/training/courses/{id}")
  String update(
      @PathVariable CourseId id,
      Actor actor,
      @Validated @ModelAttribute("command") SaveCourse command,
      BindingResult binding,
      Model model,
      RedirectAttributes redirect) {
    CourseView existing = forms.managed(id, actor);
    if (binding.hasErrors()) {
      return courseForm(model, existing, command, actor, FormErrors.of(binding, messages));
    }
    try {
      courses.update(id, command, actor);
      redirect.addFlashAttribute("notice", "course.saved");
      return "redirect:/training/courses/" + id;
    } catch (DomainException e) {
      return courseForm(model, existing, command, actor, FormErrors.of(e, messages));
    }
  }

  private String courseForm(
      Model model, CourseView existing, SaveCourse command, Actor actor, FormErrors errors) {
    model.addAttribute("existing", existing);
    model.addAttribute("command", command);
    model.addAttribute("errors", errors);
    model.addAttribute("regions", existing == null ? forms.regionsForNew(actor) : List.of());
    return "training/courseForm";
  }

  @GetMapping("/training/courses/{id}/modules/new")
  String newModule(@PathVariable CourseId id, Actor actor, Model model) {
    CourseView course = forms.managed(id, actor);
    return moduleForm(model, course, AddModule.blank(course.startsOn()), FormErrors.none());
  }

  @PostMapping("/training/courses/{id}/modules")
  String addModule(
      @PathVariable CourseId id,
      Actor actor,
      @Validated @ModelAttribute("command") AddModule command,
      BindingResult binding,
      Model model,
      RedirectAttributes redirect) {
    CourseView course = forms.managed(id, actor);
    if (binding.hasErrors()) {
      return moduleForm(model, course, command, FormErrors.of(binding, messages));
    }
    try {
      courses.addModule(id, command, actor);
      redirect.addFlashAttribute("notice", "module.saved");
      return "redirect:/training/courses/" + id;
    } catch (DomainException e) {
      return moduleForm(model, course, command, FormErrors.of(e, messages));
    }
  }

  private String moduleForm(Model model, CourseView course, AddModule command, FormErrors errors) {
    model.addAttribute("course", course);
    model.addAttribute("command", command);
    model.addAttribute("errors", errors);
    model.addAttribute("kinds", List.of(ModuleKind.values()));
    return "training/moduleForm";
  }

  @PostMapping("/training/courses/{id}/modules/{mid}/delete")
  String removeModule(
      @PathVariable CourseId id, @PathVariable UUID mid, Actor actor, RedirectAttributes redirect) {
    try {
      courses.removeModule(id, mid, actor);
      redirect.addFlashAttribute("notice", "module.removed");
    } catch (DomainException e) {
      redirect.addFlashAttribute("problem", e.problems().get(0).messageKey());
    }
    return "redirect:/training/courses/" + id;
  }

  @PostMapping("/training/courses/{id}/participants")
  String enroll(
      @PathVariable CourseId id,
      Actor actor,
      @RequestParam(required = false) UUID volunteerId,
      Model model,
      RedirectAttributes redirect) {
    try {
      ParticipantStatus status =
          courses.enroll(id, volunteerId == null ? null : new VolunteerId(volunteerId), actor);
      redirect.addFlashAttribute("notice", "participant.enrolled." + status.name());
      return "redirect:/training/courses/" + id + "#participants";
    } catch (DomainException e) {
      return detailPage(id, actor, model, FormErrors.of(e, messages), null);
    }
  }

  @PostMapping("/training/courses/{id}/staff")
  String enrollStaff(
      @PathVariable CourseId id,
      Actor actor,
      @RequestParam(required = false) UUID userId,
      Model model,
      RedirectAttributes redirect) {
    try {
      ParticipantStatus status = courses.enrollStaff(id, userId, actor);
      redirect.addFlashAttribute("notice", "participant.enrolled." + status.name());
      return "redirect:/training/courses/" + id + "#participants";
    } catch (DomainException e) {
      return detailPage(id, actor, model, FormErrors.of(e, messages), null);
    }
  }

  @PostMapping("/training/courses/{id}/participants/{pid}/cancel")
  String cancel(
      @PathVariable CourseId id, @PathVariable UUID pid, Actor actor, RedirectAttributes redirect) {
    try {
      courses.cancel(id, pid, actor);
      redirect.addFlashAttribute("notice", "participant.cancelled");
    } catch (DomainException e) {
      redirect.addFlashAttribute("problem", e.problems().get(0).messageKey());
    }
    return "redirect:/training/courses/" + id + "#participants";
  }

  @GetMapping("/training/courses/{id}/modules/{mid}/attendance")
  String attendance(@PathVariable CourseId id, @PathVariable UUID mid, Actor actor, Model model) {
    return attendancePage(id, mid, actor, model, FormErrors.none());
  }

  private String attendancePage(
      CourseId id, UUID mid, Actor actor, Model model, FormErrors errors) {
    CourseView course = forms.managed(id, actor);
    ModuleView module =
        course.modules().stream()
            .filter(m -> m.id().equals(mid))
            .findFirst()
            .orElseThrow(() -> new NotFoundException("module"));
    model.addAttribute("course", course);
    model.addAttribute("module", module);
    model.addAttribute(
        "participants",
        courses.participants(id, actor).stream()
            .filter(
                p ->
                    p.status() == ParticipantStatus.ENROLLED
                        || p.status() == ParticipantStatus.COMPLETED)
            .toList());
    model.addAttribute("errors", errors);
    return "training/attendance";
  }

  @PostMapping("/training/courses/{id}/modules/{mid}/attendance")
  String recordAttendance(
      @PathVariable CourseId id,
      @PathVariable UUID mid,
      Actor actor,
      @RequestParam(required = false) List<UUID> present,
      Model model,
      RedirectAttributes redirect) {
    try {
      int completed =
          courses.recordAttendance(
              id, mid, present == null ? java.util.Set.of() : new HashSet<>(present), actor);
      redirect.addFlashAttribute("notice", "attendance.saved");
      redirect.addFlashAttribute("completedNow", completed);
      return "redirect:/training/courses/" + id + "#participants";
    } catch (DomainException e) {
      return attendancePage(id, mid, actor, model, FormErrors.of(e, messages));
    }
  }

  @PostMapping("/training/courses/{id}/feedback")
  String giveFeedback(
      @PathVariable CourseId id,
      Actor actor,
      @Validated @ModelAttribute("feedback") GiveFeedback command,
      BindingResult binding,
      Model model,
      RedirectAttributes redirect) {
    feedbacks.requireGiver(id, actor);
    if (binding.hasErrors()) {
      return detailPage(id, actor, model, FormErrors.of(binding, messages), command);
    }
    try {
      feedbacks.give(id, command, actor);
      redirect.addFlashAttribute("notice", "feedback.saved");
      return "redirect:/training/courses/" + id;
    } catch (DomainException e) {
      return detailPage(id, actor, model, FormErrors.of(e, messages), command);
    }
  }

  /** The completion certificate, opened in the browser's viewer; never cached. */
  @GetMapping("/training/courses/{id}/participants/{pid}/certificate.pdf")
  ResponseEntity<byte[]> certificate(
      @PathVariable CourseId id, @PathVariable UUID pid, Actor actor) {
    Certificates.Printed printed = certificates.certificate(id, pid, actor);
    String name = "certificate-" + pid.toString().substring(0, 8) + ".pdf";
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "inline; filename=\""
                + name
                + "\"; filename*=UTF-8''"
                + rfc5987(printed.title() + ".pdf"))
        .cacheControl(CacheControl.noStore())
        .body(printed.pdf());
  }

  private static String rfc5987(String value) {
    StringBuilder out = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || "!#$&+-.^_`|~".indexOf(c) >= 0) {
        out.append(c);
      } else {
        out.append('%').append(String.format("%02X", (int) c));
      }
    }
    return out.toString();
  }
}
