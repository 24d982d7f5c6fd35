package org.huhang.selfservice;

/** A center's two questionnaires. */
public enum QuestionnaireKind {
  /** Answered on the phone before the first session; shown to the case's counselors. */
  BEFORE,
  /** The satisfaction survey after a session or at closing; its scale answers feed the figures. */
  AFTER;

  public static java.util.Optional<QuestionnaireKind> parse(String value) {
    for (QuestionnaireKind k : values()) {
      if (k.name().equalsIgnoreCase(value)) {
        return java.util.Optional.of(k);
      }
    }
    return java.util.Optional.empty();
  }
}
