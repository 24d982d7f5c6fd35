package org.huhang.outreach.web;

import java.beans.PropertyEditorSupport;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import org.huhang.center.CenterId;
import org.huhang.outreach.AwardHonour;
import org.huhang.outreach.HonourLevel;
import org.huhang.outreach.SaveServiceProject;
import org.huhang.outreach.ServiceProjectId;
import org.huhang.outreach.ServiceProjectView;
import org.huhang.outreach.ServiceProjects;
import org.huhang.outreach.internal.OutreachPolicy;
import org.huhang.shared.Actor;
import org.huhang.shared.DomainException;
import org.huhang.shared.web.FormErrors;
import org.springframework.context.MessageSource;
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

/** Volunteer service projects: the list, a project with its honours, and the two forms. */
@Controller
class ProjectPageController {

  private final ServiceProjects projects;
  private final OutreachPolicy policy;
  private final MessageSource messages;
  private final Clock clock;

  ProjectPageController(
      ServiceProjects projects, OutreachPolicy policy, MessageSource messages, Clock clock) {
    this.projects = projects;
    this.policy = policy;
    this.messages = messages;
    this.clock = clock;
  }

  /** The form's empty center choice is no center (then "required"), not an unreadable id. */
  @InitBinder("command")
  void blankCenterIsNone(WebDataBinder binder) {
    binder.registerCustomEditor(
        CenterId.class,
        new PropertyEditorSupport() {
          @Override
          public void setAsText(String text) {
            setValue(text == null || text.isBlank() ? null : CenterId.of(text.strip()));
          }
        });
  }

  @GetMapping("/service-projects")
  String list(Actor actor, @RequestParam(required = false) Integer page, Model model) {
    model.addAttribute("projects", projects.list(page, actor));
    model.addAttribute("canCreate", policy.mayCreate(actor));
    return "outreach/projects";
  }

  @GetMapping("/service-projects/{id}")
  String detail(@PathVariable ServiceProjectId id, Actor actor, Model model) {
    ServiceProjectView project = projects.get(id, actor);
    return detail(model, project, actor, new AwardHonour("", null, null), FormErrors.none());
  }

  @GetMapping("/service-projects/new")
  String newProject(Actor actor, Model model) {
    return form(model, SaveServiceProject.blank(LocalDate.now(clock)), actor, FormErrors.none());
  }

  @PostMapping("/service-projects")
  String create(
      Actor actor,
      @Validated @ModelAttribute("command") SaveServiceProject command,
      BindingResult binding,
      Model model,
      RedirectAttributes redirect) {
    if (binding.hasErrors()) {
      return form(
          model,
          command,
          actor,
          FormErrors.of(binding, messages).and(projects.problems(command, actor), messages));
    }
    try {
      ServiceProjectView created = projects.start(command, actor);
      redirect.addFlashAttribute("notice", "project.saved");
      return "redirect:/service-projects/" + created.id();
    } catch (DomainException e) {
      return form(model, command, actor, FormErrors.of(e, messages));
    }
  }

  @PostMapping("/service-projects/{id}/honours")
  String award(
      @PathVariable ServiceProjectId id,
      Actor actor,
      @Validated @ModelAttribute("honour") AwardHonour command,
      BindingResult binding,
      Model model,
      RedirectAttributes redirect) {
    projects.requireEditor(id, actor);
    if (binding.hasErrors()) {
      return detail(
          model, projects.get(id, actor), actor, command, FormErrors.of(binding, messages));
    }
    try {
      projects.award(id, command, actor);
      redirect.addFlashAttribute("notice", "project.honour.saved");
      return "redirect:/service-projects/" + id;
    } catch (DomainException e) {
      return detail(model, projects.get(id, actor), actor, command, FormErrors.of(e, messages));
    }
  }

  private String detail(
      Model model, ServiceProjectView project, Actor actor, AwardHonour honour, FormErrors errors) {
    model.addAttribute("project", project);
    model.addAttribute("canEdit", policy.mayWriteAt(actor, project.regionPath()));
    model.addAttribute("honour", honour);
    model.addAttribute("levels", Arrays.asList(HonourLevel.values()));
    model.addAttribute("errors", errors);
    return "outreach/project";
  }

  private String form(Model model, SaveServiceProject command, Actor actor, FormErrors errors) {
    model.addAttribute("command", command);
    model.addAttribute("centers", projects.centerChoices(actor));
    model.addAttribute("errors", errors);
    return "outreach/projectForm";
  }
}
