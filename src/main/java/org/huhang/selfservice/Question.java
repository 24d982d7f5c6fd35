package org.huhang.selfservice;

import java.util.List;

/** One question of a questionnaire; {@code options} only for single and multiple choice. */
public record Question(QuestionType type, String text, List<String> options, boolean required) {

  public Question {
    options = options == null ? List.of() : List.copyOf(options);
  }
}
