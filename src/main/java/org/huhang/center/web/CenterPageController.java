package org.huhang.center.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.huhang.center.CenterKind;
import org.huhang.center.CenterSearch;
import org.huhang.center.CenterStatus;
import org.huhang.center.CenterView;
import org.huhang.center.Centers;
import org.huhang.center.SaveCenter;
import org.huhang.identity.UserRef;
import org.huhang.identity.Users;
import org.huhang.region.RegionLevel;
import org.huhang.region.RegionView;
import org.huhang.region.Regions;
import org.huhang.shared.Actor;
import org.huhang.shared.DomainException;
import org.huhang.shared.ForbiddenException;
import org.huhang.shared.Role;
import org.huhang.shared.web.FormErrors;
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

/** Center list, detail, create and edit pages; the list is also its own htmx partial. */
@Controller
class CenterPageController {

  private final Centers centers;
  private final Regions regions;
  private final Users users;
  private final MessageSource messages;

  CenterPageController(Centers centers, Regions regions, Users users, MessageSource messages) {
    this.centers = centers;
    this.regions = regions;
    this.users = users;
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
    model.addAttribute("canCreate", actor.role().isAdministrator());
    return htmx.isHtmxRequest() && !htmx.isBoosted() ? "center/centerTable" : "center/centers";
  }

  @GetMapping("/centers/{id}")
  String detail(@PathVariable UUID id, Actor actor, Model model) {
    CenterView center = centers.get(id, actor);
    model.addAttribute("center", center);
    model.addAttribute("canEdit", centers.mayEdit(center, actor));
    return "center/center";
  }

  @GetMapping("/centers/new")
  String newCenter(Actor actor, Model model) {
    requireAdministrator(actor);
    return form(actor, model, null, SaveCenter.blank(actor.regionCode()), FormErrors.none());
  }

  @PostMapping("/centers")
  String create(
      Actor actor,
      @Validated @ModelAttribute("command") SaveCenter command,
      BindingResult binding,
      Model model,
      RedirectAttributes redirect) {
    requireAdministrator(actor);
    if (binding.hasErrors()) {
      return form(actor, model, null, command, FormErrors.of(binding, messages));
    }
    try {
      CenterView created = centers.create(command, actor);
      redirect.addFlashAttribute("notice", "center.saved");
      return "redirect:/centers/" + created.id();
    } catch (DomainException e) {
      return form(actor, model, null, command, FormErrors.of(e, messages));
    }
  }

  @GetMapping("/centers/{id}/edit")
  String edit(@PathVariable UUID id, Actor actor, Model model) {
    CenterView center = centers.get(id, actor);
    if (!centers.mayEdit(center, actor)) {
      throw new ForbiddenException("not this center");
    }
    return form(actor, model, center, SaveCenter.of(center), FormErrors.none());
  }

  @PostMapping("/centers/{id}")
  String update(
      @PathVariable UUID id,
      Actor actor,
      @Validated @ModelAttribute("command") SaveCenter command,
      BindingResult binding,
      Model model,
      RedirectAttributes redirect) {
    CenterView center = centers.get(id, actor);
    if (binding.hasErrors()) {
      return form(actor, model, center, command, FormErrors.of(binding, messages));
    }
    try {
      centers.update(id, command, actor);
      redirect.addFlashAttribute("notice", "center.saved");
      return "redirect:/centers/" + id;
    } catch (DomainException e) {
      return form(actor, model, center, command, FormErrors.of(e, messages));
    }
  }

  private String form(
      Actor actor, Model model, CenterView existing, SaveCenter command, FormErrors errors) {
    List<RegionView> regionChoices =
        regions.inScope(actor.scope()).stream()
            .filter(r -> r.level() != RegionLevel.CITY || actor.is(Role.CITY_ADMIN))
            .toList();
    List<UserRef> managers =
        actor.role().isAdministrator()
            ? users.withRole(Role.CENTER_MANAGER, actor.scope())
            : List.of();
    model.addAttribute("existing", existing);
    model.addAttribute("command", command);
    model.addAttribute("errors", errors);
    model.addAttribute("regions", regionChoices);
    model.addAttribute("managers", managers);
    model.addAttribute("kinds", Arrays.asList(CenterKind.values()));
    model.addAttribute("statuses", Arrays.asList(CenterStatus.values()));
    model.addAttribute("canAppoint", actor.role().isAdministrator());
    return "center/centerForm";
  }

  private static void requireAdministrator(Actor actor) {
    if (!actor.role().isAdministrator()) {
      throw new ForbiddenException("administrators only");
    }
  }
}
