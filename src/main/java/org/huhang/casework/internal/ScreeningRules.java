package org.huhang.casework.internal;

import java.util.ArrayList;
import java.util.List;
import org.huhang.casework.Risk;
import org.huhang.casework.ScreeningAnswers;

/**
 * The rule set that turns one party's screening answers into a risk (SPEC §4 "Safety first"). It is
 * deliberately cautious: couples mediation is contraindicated where there is violence, so a doubt
 * resolves upwards.
 *
 * <ul>
 *   <li><b>HIGH</b> on its own: choking or strangulation, a threat to kill, a weapon used or
 *       threatened — the strongest known predictors of lethal violence.
 *   <li><b>HIGH</b> in combination: physical violence that is escalating in frequency or severity;
 *       or three or more of the other indicators together.
 *   <li><b>ELEVATED</b>: one or two of physical violence, escalation, controlling behaviour, fear
 *       for safety, children exposed to violence, an existing police written warning (告诫书) or
 *       personal safety protection order (人身安全保护令).
 *   <li><b>LOW</b>: none of these.
 * </ul>
 */
public final class ScreeningRules {

  /** How many of the other indicators together make a risk HIGH. */
  static final int HIGH_COUNT = 3;

  private ScreeningRules() {}

  /** The risk the answers show, with the reasons (question codes) that decided it. */
  public record Finding(Risk risk, List<String> reasons) {}

  public static Finding classify(ScreeningAnswers a) {
    List<String> lethal = new ArrayList<>();
    if (a.strangulation()) {
      lethal.add("strangulation");
    }
    if (a.threatToKill()) {
      lethal.add("threatToKill");
    }
    if (a.weapon()) {
      lethal.add("weapon");
    }
    if (!lethal.isEmpty()) {
      return new Finding(Risk.HIGH, List.copyOf(lethal));
    }
    List<String> indicators = new ArrayList<>();
    for (String q :
        List.of(
            "physicalViolence",
            "escalation",
            "controlling",
            "fear",
            "childrenExposed",
            "protectiveOrder")) {
      if (a.answer(q)) {
        indicators.add(q);
      }
    }
    if (a.physicalViolence() && a.escalation()) {
      return new Finding(Risk.HIGH, List.of("physicalViolence", "escalation"));
    }
    if (indicators.size() >= HIGH_COUNT) {
      return new Finding(Risk.HIGH, List.copyOf(indicators));
    }
    if (!indicators.isEmpty()) {
      return new Finding(Risk.ELEVATED, List.copyOf(indicators));
    }
    return new Finding(Risk.LOW, List.of());
  }
}
