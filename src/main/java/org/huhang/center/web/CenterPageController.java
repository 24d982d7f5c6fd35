package org.huhang.center.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import java.util.Arrays;
import org.huhang.center.CenterId;
import org.huhang.center.CenterKind;
import org.huhang.center.CenterSearch;
import org.huhang.center.CenterStatus;
import org.huhang.center.CenterView;
import org.huhang.center.Centers;
import org.huhang.center.SaveCenter;
import org.huhang.center.internal.CenterForms;
import org.huhang.center.internal.CenterForms.CenterForm;
import org.huhang.center.internal.CenterPolicy;
import org.huhang.shared.Actor;
import org.huhang.shared.DomainException;
import org.huhang.shared.web.FormErrors;
import org.huhang.shared.web.Pages;
import org.springframework.context.MessageSource;
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
 * Center list, detail, create and edit pages; the list is also its own htmx partial. Who may do
 * what is decided by the module's policy: this class only asks it what to show.
 */
@Controller
class CenterPageController {

  private final Centers centers;
  private final CenterForms forms;
  private final CenterPolicy policy;
  private final MessageSource messages;

  CenterPageController(
      Centers centers, CenterForms forms, CenterPolicy policy, MessageSource messages) {
    this.centers = centers;
    this.forms = forms;
    this.policy = policy;
    this.messages = messages;
  }

  @GetMapping("/centers")
  String list(
      Actor actor,
      HtmxRequest htmx,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) CenterKind kind,
      @RequestParam(required = false) CenterStatus status,
      @RequestParam(required = false) Integer page,
      Model model) {
    CenterSearch search = new CenterSearch(q, kind, status, page, null);
    model.addAttribute("search", search);
    model.addAttribute("centers", centers.search(search, actor));
    model.addAttribute("canCreate", policy.mayCreate(actor));
    return Pages.fullOrPartial(htmx, "center/centers", "center/centerTable");
  }

  @GetMapping("/centers/{id}")
  String detail(@PathVariable CenterId id, Actor actor, Model model) {
    CenterView center = centers.get(id.value(), actor);
    model.addAttribute("center", center);
    model.addAttribute("canEdit", policy.mayEdit(actor, center));
    return "center/center";
  }

  @GetMapping("/centers/new")
  String newCenter(Actor actor, Model model) {
    return form(model, forms.blank(actor), FormErrors.none());
  }

  @PostMapping("/centers")
  String create(
      Actor actor,
      @Validated @ModelAttribute("command") SaveCenter command,
      BindingResult binding,
      Model model,
      RedirectAttributes redirect) {
    if (binding.hasErrors()) {
      return form(
          model,
          forms.forNew(command, actor),
          FormErrors.of(binding, messages).and(centers.problems(null, command, actor), messages));
    }
    try {
      CenterView created = centers.create(command, actor);
      redirect.addFlashAttribute("notice", "center.saved");
      return "redirect:/centers/" + created.id();
    } catch (DomainException e) {
      return form(model, forms.forNew(command, actor), FormErrors.of(e, messages));
    }
  }

  @GetMapping("/centers/{id}/edit")
  String edit(@PathVariable CenterId id, Actor actor, Model model) {
    return form(model, forms.forEdit(id.value(), actor), FormErrors.none());
  }

  @PostMapping("/centers/{id}")
  String update(
      @PathVariable CenterId id,
      Actor actor,
      @Validated @ModelAttribute("command") SaveCenter command,
      BindingResult binding,
      Model model,
      RedirectAttributes redirect) {
    if (binding.hasErrors()) {
      return form(
          model,
          forms.forEdit(id.value(), command, actor),
          FormErrors.of(binding, messages).and(centers.problems(id, command, actor), messages));
    }
    try {
      centers.update(id, command, actor);
      redirect.addFlashAttribute("notice", "center.saved");
      return "redirect:/centers/" + id;
    } catch (DomainException e) {
      return form(model, forms.forEdit(id.value(), command, actor), FormErrors.of(e, messages));
    }
  }

  private String form(Model model, CenterForm form, FormErrors errors) {
    model.addAttribute("existing", form.existing());
    model.addAttribute("command", form.command());
    model.addAttribute("errors", errors);
    model.addAttribute("regions", form.regions());
    model.addAttribute("managers", form.managers());
    model.addAttribute("kinds", Arrays.asList(CenterKind.values()));
    model.addAttribute("statuses", Arrays.asList(CenterStatus.values()));
    model.addAttribute("canAppoint", form.canAppoint());
    return "center/centerForm";
  }
}
