package org.huhang.privacy.web;

import org.huhang.privacy.internal.Retention;
import org.huhang.shared.Actor;
import org.huhang.shared.DomainException;
import org.huhang.shared.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The city administrator's retention page: how long each kind of record is kept, how many records
 * the next run would anonymise, and a run now.
 */
@Controller
class RetentionController {

  private final Retention retention;
  private final MessageSource messages;

  RetentionController(Retention retention, MessageSource messages) {
    this.retention = retention;
    this.messages = messages;
  }

  @GetMapping("/privacy/retention")
  String page(
      Actor actor,
      @RequestParam(required = false) String saved,
      @RequestParam(required = false) String ran,
      Model model) {
    return page(actor, model, FormErrors.none(), null, saved != null, ran != null);
  }

  @PostMapping("/privacy/retention/{kind}")
  String update(
      @PathVariable String kind,
      @RequestParam(required = false) String keep,
      Actor actor,
      Model model) {
    Integer value =
        keep != null && keep.strip().matches("\\d{1,4}") ? Integer.valueOf(keep.strip()) : null;
    try {
      retention.update(kind, value, actor);
    } catch (DomainException e) {
      return page(actor, model, FormErrors.of(e, messages), kind, false, false);
    }
    return "redirect:/privacy/retention?saved";
  }

  @PostMapping("/privacy/retention/run")
  String run(Actor actor) {
    Retention.requireAdministrator(actor);
    retention.runAll(actor.username());
    return "redirect:/privacy/retention?ran";
  }

  private String page(
      Actor actor, Model model, FormErrors errors, String failedKind, boolean saved, boolean ran) {
    model.addAttribute("policies", retention.policies(actor));
    model.addAttribute("errors", errors);
    model.addAttribute("failedKind", failedKind);
    model.addAttribute("saved", saved);
    model.addAttribute("ran", ran);
    return "privacy/retention";
  }
}
