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

  /**
   * One question as typed. {@code existing}: it was a question of the form as shown (not one of the
   * blanks to add), so clearing its text is a mistake to point out, not a way to remove it.
   */
  public record QuestionForm(
      QuestionType type,
      String text,
      String options,
      Boolean required,
      Boolean remove,
      Boolean existing) {

    /** A blank to add a question, left blank: not saved. */
    public boolean blank() {
      return !Boolean.TRUE.equals(existing)
          && (text == null || text.isBlank())
          && (options == null || options.isBlank());
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
          q.type(), q.text(), String.join("\n", q.options()), q.required(), false, true);
    }

    public static QuestionForm empty() {
      return new QuestionForm(QuestionType.SINGLE, null, null, false, false, false);
    }
  }
}
