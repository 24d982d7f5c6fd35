package org.huhang.casework.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Stream;
import org.huhang.casework.Risk;
import org.huhang.casework.ScreeningAnswers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The screening rule set, one row per case a counselor meets, with the reasons it gives. */
class ScreeningRulesTest {

  /** Answers with exactly the named questions answered yes. */
  static ScreeningAnswers yes(String... questions) {
    Set<String> y = Set.of(questions);
    return new ScreeningAnswers(
        y.contains("physicalViolence"),
        y.contains("threatToKill"),
        y.contains("strangulation"),
        y.contains("weapon"),
        y.contains("escalation"),
        y.contains("controlling"),
        y.contains("fear"),
        y.contains("childrenExposed"),
        y.contains("protectiveOrder"));
  }

  static Stream<Arguments> rows() {
    return Stream.of(
        // Each lethality predictor is HIGH on its own.
        Arguments.of(new String[] {"strangulation"}, Risk.HIGH, new String[] {"strangulation"}),
        Arguments.of(new String[] {"threatToKill"}, Risk.HIGH, new String[] {"threatToKill"}),
        Arguments.of(new String[] {"weapon"}, Risk.HIGH, new String[] {"weapon"}),
        Arguments.of(
            new String[] {"weapon", "strangulation", "fear"},
            Risk.HIGH,
            new String[] {"strangulation", "weapon"}),
        // Escalating physical violence.
        Arguments.of(
            new String[] {"physicalViolence", "escalation"},
            Risk.HIGH,
            new String[] {"physicalViolence", "escalation"}),
        // Three of the other indicators together.
        Arguments.of(
            new String[] {"controlling", "fear", "childrenExposed"},
            Risk.HIGH,
            new String[] {"controlling", "fear", "childrenExposed"}),
        Arguments.of(
            new String[] {"physicalViolence", "fear", "protectiveOrder"},
            Risk.HIGH,
            new String[] {"physicalViolence", "fear", "protectiveOrder"}),
        // One or two indicators: ELEVATED.
        Arguments.of(
            new String[] {"controlling", "fear"},
            Risk.ELEVATED,
            new String[] {"controlling", "fear"}),
        Arguments.of(
            new String[] {"childrenExposed"}, Risk.ELEVATED, new String[] {"childrenExposed"}),
        Arguments.of(
            new String[] {"protectiveOrder"}, Risk.ELEVATED, new String[] {"protectiveOrder"}),
        Arguments.of(
            new String[] {"physicalViolence"}, Risk.ELEVATED, new String[] {"physicalViolence"}),
        Arguments.of(new String[] {"escalation"}, Risk.ELEVATED, new String[] {"escalation"}),
        Arguments.of(
            new String[] {"physicalViolence", "controlling"},
            Risk.ELEVATED,
            new String[] {"physicalViolence", "controlling"}),
        // Nothing: LOW, with no reason.
        Arguments.of(new String[] {}, Risk.LOW, new String[] {}));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @MethodSource("rows")
  void theAnswersDecideTheRiskAndSayWhy(String[] answeredYes, Risk risk, String[] reasons) {
    ScreeningRules.Finding finding = ScreeningRules.classify(yes(answeredYes));
    assertThat(finding.risk()).isEqualTo(risk);
    assertThat(finding.reasons()).containsExactly(reasons);
  }
}
