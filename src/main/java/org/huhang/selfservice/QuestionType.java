package org.huhang.selfservice;

/** What a question of a center's questionnaire asks for. */
public enum QuestionType {
  /** A few words or sentences. */
  TEXT,
  /** One of its options. */
  SINGLE,
  /** Any of its options. */
  MULTIPLE,
  /** A number from 1 (not at all) to 5 (very much); the survey's satisfaction is their mean. */
  SCALE;

  public boolean hasOptions() {
    return this == SINGLE || this == MULTIPLE;
  }

  public static java.util.Optional<QuestionType> parse(String value) {
    for (QuestionType t : values()) {
      if (t.name().equals(value)) {
        return java.util.Optional.of(t);
      }
    }
    return java.util.Optional.empty();
  }
}
