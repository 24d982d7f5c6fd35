package org.huhang.selfservice;

import java.util.ArrayList;
import java.util.List;

/**
 * The form builder's form: the title and the questions as typed, one option per line. A question
 * with {@code remove} ticked, or left wholly blank, is dropped. No question left: the center asks
 * none. {@code version}: the version the editor read (null when it edits the platform's).
 */
public record SaveQuestionnaire(String title, List<QuestionForm> questions, Integer version) {

  public SaveQuestionnaire {
    questions = questions == null ? new ArrayList<>() : new ArrayList<>(questions);
  }

  /** One question as typed. */
  public record QuestionForm(
      QuestionType type, String text, String options, Boolean required, Boolean remove) {

    public boolean blank() {
      return (text == null || text.isBlank()) && (options == null || options.isBlank());
    }

    public boolean removed() {
      return Boolean.TRUE.equals(remove);
    }

    /** The options, one per non-blank line, trimmed. */
    public List<String> optionLines() {
      if (options == null) {
        return List.of();
      }
      return options.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    public static QuestionForm of(Question q) {
      return new QuestionForm(
          q.type(), q.text(), String.join("\n", q.options()), q.required(), false);
    }

    public static QuestionForm empty() {
      return new QuestionForm(QuestionType.SINGLE, null, null, false, false);
    }
  }
}
