package org.huhang.growth.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import java.util.UUID;
import org.huhang.growth.ChangeAvailability;
import org.huhang.growth.Growth;
import org.huhang.growth.GrowthRecord;
import org.huhang.shared.Actor;
import org.huhang.shared.ForbiddenException;
import org.huhang.shared.NotFoundException;
import org.huhang.shared.web.FormErrors;
import org.huhang.volunteer.VolunteerId;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 我的成长 (a volunteer's own page, where it states its availability), the same page read-only for the
 * volunteer's managers, and their overview of the volunteers in their care.
 */
@Controller
class GrowthPageController {

  private final Growth growth;
  private final MessageSource messages;

  GrowthPageController(Growth growth, MessageSource messages) {
    this.growth = growth;
    this.messages = messages;
  }

  /** A user linked to no volunteer is told so, and where to go instead, rather than a 404. */
  @GetMapping("/me/growth")
  String own(Actor actor, Model model) {
    Optional<GrowthRecord> record = growth.own(actor);
    if (record.isEmpty()) {
      model.addAttribute("oversees", growth.mayOversee(actor));
      return "growth/unlinked";
    }
    return record(model, record.get(), FormErrors.none());
  }

  @PostMapping("/me/growth/availability")
  String changeAvailability(
      Actor actor,
      @ModelAttribute("availability") ChangeAvailability command,
      BindingResult binding,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    GrowthRecord record =
        growth.own(actor).orElseThrow(() -> new NotFoundException("own volunteer"));
    if (binding.hasErrors()) {
      response.setStatus(422);
      return record(model, record, FormErrors.of(binding, messages));
    }
    growth.changeOwnAvailability(command, actor);
    redirect.addFlashAttribute("notice", "growth.availability.saved");
    return "redirect:/me/growth#availability";
  }

  @GetMapping("/volunteers/{id}/growth")
  String volunteer(@PathVariable UUID id, Actor actor, Model model) {
    return record(model, growth.of(new VolunteerId(id), actor), FormErrors.none());
  }

  @GetMapping("/growth")
  String overview(Actor actor, Model model) {
    if (!growth.mayOversee(actor)) {
      throw new ForbiddenException("administrators and center managers only");
    }
    model.addAttribute("overview", growth.overview(actor));
    return "growth/overview";
  }

  private static String record(Model model, GrowthRecord record, FormErrors errors) {
    model.addAttribute("record", record);
    model.addAttribute("errors", errors);
    return "growth/record";
  }
}
