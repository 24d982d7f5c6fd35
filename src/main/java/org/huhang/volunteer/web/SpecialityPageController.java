package org.huhang.volunteer.web;

import org.huhang.shared.Actor;
import org.huhang.shared.DomainException;
import org.huhang.shared.web.FormErrors;
import org.huhang.volunteer.AddSpeciality;
import org.huhang.volunteer.internal.SpecialityDictionary;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** The speciality dictionary, maintained by the city administrator. */
@Controller
class SpecialityPageController {

  private final SpecialityDictionary dictionary;
  private final MessageSource messages;

  SpecialityPageController(SpecialityDictionary dictionary, MessageSource messages) {
    this.dictionary = dictionary;
    this.messages = messages;
  }

  @GetMapping("/volunteers/specialities")
  String list(Actor actor, Model model) {
    return page(actor, model, FormErrors.none(), new AddSpeciality("", "", ""));
  }

  @PostMapping("/volunteers/specialities")
  String add(Actor actor, @ModelAttribute("command") AddSpeciality command, Model model) {
    try {
      dictionary.add(command, actor);
      return "redirect:/volunteers/specialities";
    } catch (DomainException e) {
      return page(actor, model, FormErrors.of(e, messages), command);
    }
  }

  /** Only {@code enable} and {@code disable} name a state; any other word is no address (404). */
  @PostMapping("/volunteers/specialities/{code}/{state:enable|disable}")
  String toggle(@PathVariable String code, @PathVariable String state, Actor actor) {
    dictionary.setActive(code, "enable".equals(state), actor);
    return "redirect:/volunteers/specialities";
  }

  private String page(Actor actor, Model model, FormErrors errors, AddSpeciality command) {
    model.addAttribute("specialities", dictionary.forMaintenance(actor));
    model.addAttribute("errors", errors);
    model.addAttribute("command", command);
    return "volunteer/specialities";
  }
}
