package org.huhang.region.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import java.util.ArrayList;
import java.util.List;
import org.huhang.region.AddRegion;
import org.huhang.region.RegionView;
import org.huhang.region.Regions;
import org.huhang.region.internal.RegionPolicy;
import org.huhang.shared.Actor;
import org.huhang.shared.DomainException;
import org.huhang.shared.ForbiddenException;
import org.huhang.shared.web.FormErrors;
import org.huhang.shared.web.Pages;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The region tree page: one region with its path and children; administrators add a child below it.
 * Expanding a child loads its own children as an htmx partial.
 */
@Controller
class RegionPageController {

  private final Regions regions;
  private final MessageSource messages;

  RegionPageController(Regions regions, MessageSource messages) {
    this.regions = regions;
    this.messages = messages;
  }

  @GetMapping("/regions")
  String home(Actor actor, HtmxRequest htmx, Model model) {
    return show(actor.regionCode(), actor, htmx, model);
  }

  @GetMapping("/regions/{code}")
  String show(@PathVariable String code, Actor actor, HtmxRequest htmx, Model model) {
    return render(code, actor, htmx, model, new AddRegion(code, "", ""), FormErrors.none());
  }

  @PostMapping("/regions/{code}/children")
  String add(
      @PathVariable String code,
      Actor actor,
      HtmxRequest htmx,
      @Validated @ModelAttribute("command") AddRegion command,
      BindingResult binding,
      Model model) {
    // Asked before the form is checked: a role that may not add regions learns nothing from
    // field errors, it gets 403 (issue 9, point 13).
    RegionPolicy.requireRegionAdder(actor);
    AddRegion withParent = new AddRegion(code, command.code(), command.name());
    if (binding.hasErrors()) {
      return render(code, actor, htmx, model, withParent, FormErrors.of(binding, messages));
    }
    try {
      regions.add(withParent, actor);
    } catch (DomainException e) {
      return render(code, actor, htmx, model, withParent, FormErrors.of(e, messages));
    }
    if (Pages.isPartial(htmx)) {
      return render(code, actor, htmx, model, new AddRegion(code, "", ""), FormErrors.none());
    }
    return "redirect:/regions/" + code;
  }

  @PostMapping("/regions/{code}/rename")
  String rename(
      @PathVariable String code,
      Actor actor,
      HtmxRequest htmx,
      @RequestParam(defaultValue = "") String name,
      Model model,
      RedirectAttributes redirect) {
    try {
      RegionView renamed = regions.rename(code, name, actor);
      redirect.addFlashAttribute("notice", text("regions.renamed", renamed.name()));
      return "redirect:/regions/" + code;
    } catch (DomainException e) {
      model.addAttribute("newName", name);
      model.addAttribute("renameErrors", FormErrors.of(e, messages));
      return render(code, actor, htmx, model, new AddRegion(code, "", ""), FormErrors.none());
    }
  }

  /** Closing asks first, saying what it means: the step page of the confirmation. */
  @GetMapping("/regions/{code}/close")
  String confirmClose(@PathVariable String code, Actor actor, Model model) {
    RegionView region = regions.get(code, actor.scope());
    if (!RegionPolicy.mayChange(actor, region)) {
      throw new ForbiddenException("only administrators close townships and villages");
    }
    model.addAttribute("region", region);
    return "region/close";
  }

  @PostMapping("/regions/{code}/close")
  String close(@PathVariable String code, Actor actor, RedirectAttributes redirect) {
    RegionView closed = regions.close(code, actor);
    redirect.addFlashAttribute("notice", text("regions.closedNotice", closed.name()));
    return "redirect:/regions/" + code;
  }

  private String text(String key, Object... args) {
    return messages.getMessage(key, args, LocaleContextHolder.getLocale());
  }

  /** The full page, or for htmx only the children table with the add form. */
  private String render(
      String code,
      Actor actor,
      HtmxRequest htmx,
      Model model,
      AddRegion command,
      FormErrors errors) {
    RegionView region = regions.get(code, actor.scope());
    model.addAttribute("region", region);
    model.addAttribute("children", regions.children(code, actor.scope()));
    model.addAttribute("trail", trail(region, actor));
    model.addAttribute("command", command);
    model.addAttribute("errors", errors);
    model.addAttribute(
        "canAdd",
        RegionPolicy.mayAddRegions(actor)
            && region.level().childLevel().isPresent()
            && !region.closed());
    model.addAttribute("canChange", RegionPolicy.mayChange(actor, region) && !region.closed());
    return Pages.fullOrPartial(htmx, "region/region", "region/manage");
  }

  /** The regions from the user's home region down to this one, for the breadcrumb. */
  private List<RegionView> trail(RegionView region, Actor actor) {
    List<RegionView> trail = new ArrayList<>();
    String[] codes = region.path().substring(1).split("/");
    for (String c : codes) {
      regions.find(c).filter(r -> actor.scope().covers(r.path())).ifPresent(trail::add);
    }
    return trail;
  }
}
