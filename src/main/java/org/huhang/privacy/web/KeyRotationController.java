package org.huhang.privacy.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import org.huhang.privacy.internal.KeyRotation;
import org.huhang.privacy.internal.Retention;
import org.huhang.shared.Actor;
import org.huhang.shared.DomainException;
import org.huhang.shared.web.FormErrors;
import org.huhang.shared.web.Pages;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The city administrator's data keys page: the key versions, how much is still sealed under an
 * older one, the re-encryption run now, and retiring a version nothing uses. The state part is
 * polled by the page while a run goes on.
 */
@Controller
class KeyRotationController {

  private final KeyRotation rotation;
  private final MessageSource messages;

  KeyRotationController(KeyRotation rotation, MessageSource messages) {
    this.rotation = rotation;
    this.messages = messages;
  }

  @GetMapping("/privacy/keys")
  String page(
      Actor actor,
      HtmxRequest htmx,
      @RequestParam(required = false) String started,
      @RequestParam(required = false) String busy,
      @RequestParam(required = false) Integer retired,
      Model model) {
    Retention.requireAdministrator(actor);
    model.addAttribute("started", started != null);
    model.addAttribute("busy", busy != null);
    model.addAttribute("retired", retired);
    return Pages.fullOrPartial(htmx, page(actor, model, FormErrors.none()), "privacy/keysState");
  }

  @PostMapping("/privacy/keys/run")
  String run(Actor actor) {
    return rotation.start(actor) ? "redirect:/privacy/keys?started" : "redirect:/privacy/keys?busy";
  }

  @PostMapping("/privacy/keys/{version}/retire")
  String retire(@PathVariable int version, Actor actor, Model model) {
    try {
      rotation.retire(version, actor);
    } catch (DomainException e) {
      model.addAttribute("started", false);
      model.addAttribute("busy", false);
      model.addAttribute("retired", null);
      return page(actor, model, FormErrors.of(e, messages));
    }
    return "redirect:/privacy/keys?retired=" + version;
  }

  private String page(Actor actor, Model model, FormErrors errors) {
    model.addAttribute("view", rotation.view(actor));
    model.addAttribute("errors", errors);
    return "privacy/keys";
  }
}
