package org.huhang.casework.web;

import java.time.Clock;
import java.time.LocalDate;
import org.huhang.casework.internal.FollowUps;
import org.huhang.shared.Actor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The follow-ups due (待回访): overdue first, then those due in the next weeks. */
@Controller
class FollowUpPageController {

  /** How far ahead the list looks: the coming month's calls can be planned. */
  static final int DAYS_AHEAD = 30;

  static final int LIMIT = 200;

  private final FollowUps followUps;
  private final Clock clock;

  FollowUpPageController(FollowUps followUps, Clock clock) {
    this.followUps = followUps;
    this.clock = clock;
  }

  @GetMapping("/follow-ups")
  String list(Actor actor, Model model) {
    LocalDate today = LocalDate.now(clock);
    model.addAttribute("followUps", followUps.pending(actor, today.plusDays(DAYS_AHEAD), LIMIT));
    model.addAttribute("today", today);
    return "casework/followUps";
  }
}
