package org.huhang.notification.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import java.util.UUID;
import org.huhang.notification.internal.Inbox;
import org.huhang.notification.internal.InboxSettings;
import org.huhang.notification.internal.SaveInboxSettings;
import org.huhang.shared.Actor;
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
 * A staff user's own messages, newest first, and its e-mail copy settings. Every role has an inbox;
 * each reads only its own, so there is nothing for a policy to decide: the queries are bound to the
 * user's id, and another user's item answers 404.
 */
@Controller
class InboxPageController {

  private final Inbox inbox;
  private final InboxSettings settings;
  private final MessageSource messages;

  InboxPageController(Inbox inbox, InboxSettings settings, MessageSource messages) {
    this.inbox = inbox;
    this.settings = settings;
    this.messages = messages;
  }

  @GetMapping("/inbox")
  String list(
      Actor actor, HtmxRequest htmx, @RequestParam(required = false) Integer page, Model model) {
    model.addAttribute("items", inbox.page(actor, page));
    return Pages.fullOrPartial(htmx, "notification/inbox", "notification/inboxList");
  }

  /** htmx swaps the list back in, the item now read; without htmx the page reloads. */
  @PostMapping("/inbox/{id}/read")
  String markRead(
      @PathVariable UUID id,
      Actor actor,
      HtmxRequest htmx,
      @RequestParam(required = false) Integer page,
      Model model) {
    inbox.markRead(id, actor);
    if (!Pages.isPartial(htmx)) {
      return "redirect:/inbox" + (page == null ? "" : "?page=" + page);
    }
    model.addAttribute("items", inbox.page(actor, page));
    return "notification/inboxList";
  }

  @PostMapping("/inbox/read-all")
  String markAllRead(Actor actor, RedirectAttributes redirect) {
    inbox.markAllRead(actor);
    redirect.addFlashAttribute("notice", "inbox.allRead");
    return "redirect:/inbox";
  }

  @GetMapping("/inbox/settings")
  String settings(Actor actor, Model model) {
    return settingsForm(model, settings.of(actor), FormErrors.none());
  }

  @PostMapping("/inbox/settings")
  String saveSettings(
      Actor actor,
      @Validated @ModelAttribute("command") SaveInboxSettings command,
      BindingResult binding,
      Model model,
      RedirectAttributes redirect) {
    if (command.lacksEmail() && !binding.hasFieldErrors("email")) {
      binding.rejectValue("email", "inbox.settings.email.required");
    }
    if (binding.hasErrors()) {
      return settingsForm(model, command, FormErrors.of(binding, messages));
    }
    settings.save(command, actor);
    redirect.addFlashAttribute("notice", "inbox.settings.saved");
    return "redirect:/inbox/settings";
  }

  private String settingsForm(Model model, SaveInboxSettings command, FormErrors errors) {
    model.addAttribute("command", command);
    model.addAttribute("errors", errors);
    return "notification/inboxSettings";
  }
}
