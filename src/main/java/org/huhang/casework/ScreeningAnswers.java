package org.huhang.casework;

/**
 * One party's answers to the safety screening, asked with the other party absent. Each question is
 * about the other spouse (or a family member) towards this party, in the past twelve months unless
 * said otherwise. A missing answer reads as "no": the form offers yes and no only.
 */
public record ScreeningAnswers(
    boolean physicalViolence,
    boolean threatToKill,
    boolean strangulation,
    boolean weapon,
    boolean escalation,
    boolean controlling,
    boolean fear,
    boolean childrenExposed,
    boolean protectiveOrder) {

  /** The question codes, in the order the form asks them. */
  public static final java.util.List<String> QUESTIONS =
      java.util.List.of(
          "physicalViolence",
          "threatToKill",
          "strangulation",
          "weapon",
          "escalation",
          "controlling",
          "fear",
          "childrenExposed",
          "protectiveOrder");

  public boolean answer(String question) {
    return switch (question) {
      case "physicalViolence" -> physicalViolence;
      case "threatToKill" -> threatToKill;
      case "strangulation" -> strangulation;
      case "weapon" -> weapon;
      case "escalation" -> escalation;
      case "controlling" -> controlling;
      case "fear" -> fear;
      case "childrenExposed" -> childrenExposed;
      case "protectiveOrder" -> protectiveOrder;
      default -> throw new IllegalArgumentException(question);
    };
  }
}
