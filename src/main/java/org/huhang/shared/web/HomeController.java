package org.huhang.shared.web;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.huhang.shared.Actor;
import org.huhang.shared.demo.DemoHistory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The start page: who you are, where, and the parts of Huhang your role uses; while the Binzhou
 * history loads in the background, how far it got (the page asks {@code /home/history} every two
 * seconds until it is done).
 */
@Controller
class HomeController {

  private final List<HomeSection> sections;
  private final DemoHistory history;

  HomeController(List<HomeSection> sections, DemoHistory history) {
    this.sections = sections;
    this.history = history;
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
    model.addAttribute("history", history.state());
    return "shared/home";
  }

  /** The history's progress as an htmx fragment: polled while it loads, a short note when done. */
  @GetMapping("/home/history")
  String history(Actor actor, Model model) {
    model.addAttribute("history", history.state());
    return "shared/historyProgress";
  }
}
