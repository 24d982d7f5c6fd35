package org.huhang.shared.web;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.huhang.shared.Actor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page: who you are, where, and the parts of Huhang your role uses. */
@Controller
class HomeController {

  private final List<HomeSection> sections;

  HomeController(List<HomeSection> sections) {
    this.sections = sections;
  }

  @GetMapping("/")
  String home(Actor actor, Model model) {
    model.addAttribute(
        "panels",
        sections.stream()
            .map(s -> s.forActor(actor))
            .flatMap(Optional::stream)
            .sorted(Comparator.comparingInt(HomeSection.Panel::order))
            .toList());
    return "shared/home";
  }
}
