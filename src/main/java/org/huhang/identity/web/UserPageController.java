package org.huhang.identity.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.huhang.identity.CreateUser;
import org.huhang.identity.UserSearch;
import org.huhang.identity.UserView;
import org.huhang.identity.Users;
import org.huhang.identity.internal.IdentityPolicy;
import org.huhang.region.RegionView;
import org.huhang.region.Regions;
import org.huhang.shared.Actor;
import org.huhang.shared.DomainException;
import org.huhang.shared.Role;
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

/** The user administration pages. The list serves both the full page and its htmx partial. */
@Controller
class UserPageController {

  private final Users users;
  private final Regions regions;
  private final MessageSource messages;
  private final org.huhang.identity.ApiTokens tokens;

  UserPageController(
      Users users, Regions regions, MessageSource messages, org.huhang.identity.ApiTokens tokens) {
    this.users = users;
    this.regions = regions;
    this.messages = messages;
    this.tokens = tokens;
  }

  @GetMapping("/users")
  String list(
      Actor actor,
      HtmxRequest htmx,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) Role role,
      @RequestParam(required = false) Integer page,
      Model model) {
    UserSearch search = new UserSearch(q, role, page, null);
    model.addAttribute("search", search);
    model.addAttribute("users", users.search(search, actor));
    model.addAttribute("roles", Arrays.asList(Role.values()));
    return Pages.fullOrPartial(htmx, "identity/users", "identity/userTable");
  }

  @GetMapping("/users/new")
  String newUser(Actor actor, Model model) {
    // The form is shown only to whom the service would let submit it.
    IdentityPolicy.requireUserManager(actor);
    return form(
        actor, model, new CreateUser("", "", null, actor.regionCode(), ""), FormErrors.none());
  }

  @PostMapping("/users")
  String create(
      Actor actor,
      @Validated @ModelAttribute("command") CreateUser command,
      BindingResult binding,
      Model model,
      RedirectAttributes redirect) {
    if (binding.hasErrors()) {
      return form(
          actor,
          model,
          command,
          FormErrors.of(binding, messages).and(users.problems(command, actor), messages));
    }
    try {
      var created = users.create(command, actor);
      redirect.addFlashAttribute("notice", text("user.created"));
      return "redirect:/users/" + created.id();
    } catch (DomainException e) {
      return form(actor, model, command, FormErrors.of(e, messages));
    }
  }

  @GetMapping("/users/{id}")
  String detail(@PathVariable UUID id, Actor actor, Model model) {
    UserView user = users.get(id, actor);
    model.addAttribute("user", user);
    // The user's API tokens, for an administrator who may revoke them (as it may disable it).
    model.addAttribute(
        "tokens",
        actor.role().mayGrant(user.role()) || user.id().equals(actor.userId())
            ? tokens.ofUser(id, actor)
            : List.of());
    model.addAttribute("notice", model.getAttribute("notice"));
    return "identity/user";
  }

  /** Disabling ends the user's sessions at once, so it is asked for on a page that says so. */
  @GetMapping("/users/{id}/disable")
  String confirmDisable(@PathVariable UUID id, Actor actor, Model model) {
    model.addAttribute("user", users.mayDisable(id, actor));
    return "identity/userDisable";
  }

  @PostMapping("/users/{id}/disable")
  String disable(@PathVariable UUID id, Actor actor, RedirectAttributes redirect) {
    UserView user = users.setEnabled(id, false, actor);
    redirect.addFlashAttribute(
        "notice", text("user.disabled.notice", user.displayName(), user.username()));
    return "redirect:/users/" + id;
  }

  @PostMapping("/users/{id}/enable")
  String enable(@PathVariable UUID id, Actor actor, RedirectAttributes redirect) {
    UserView user = users.setEnabled(id, true, actor);
    redirect.addFlashAttribute(
        "notice", text("user.enabled.notice", user.displayName(), user.username()));
    return "redirect:/users/" + id;
  }

  private String text(String key, Object... args) {
    return messages.getMessage(key, args, LocaleContextHolder.getLocale());
  }

  private String form(Actor actor, Model model, CreateUser command, FormErrors errors) {
    List<Role> grantable =
        Arrays.stream(Role.values()).filter(r -> actor.role().mayGrant(r)).toList();
    List<RegionView> regionChoices = regionChoices(actor);
    model.addAttribute("command", command);
    model.addAttribute("errors", errors);
    model.addAttribute("roles", grantable);
    model.addAttribute("regions", regionChoices);
    return "identity/userForm";
  }

  /** The home region and its counties and townships: where accounts are usually placed. */
  private List<RegionView> regionChoices(Actor actor) {
    return regions.openInScope(actor.scope()).stream()
        .filter(r -> r.level() != org.huhang.region.RegionLevel.VILLAGE)
        .toList();
  }
}
