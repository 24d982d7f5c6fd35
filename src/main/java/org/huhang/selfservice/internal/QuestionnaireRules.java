package org.huhang.selfservice.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.huhang.selfservice.Question;
import org.huhang.selfservice.SaveQuestionnaire;
import org.huhang.selfservice.SaveQuestionnaire.QuestionForm;
import org.huhang.shared.DomainException.FieldProblem;
import org.huhang.shared.text.ControlCharacters;

/**
 * What the form builder accepts, every problem at once, each naming its field ({@code
 * questions[2].options}, the index as the form sent it).
 */
public final class QuestionnaireRules {

  static final int TITLE_MAX = 100;
  public static final int QUESTIONS_MAX = 15;
  static final int TEXT_MAX = 200;
  static final int OPTION_MAX = 50;
  static final int OPTIONS_MIN = 2;
  static final int OPTIONS_MAX = 10;

  private QuestionnaireRules() {}

  static List<FieldProblem> problems(
      SaveQuestionnaire c, org.huhang.selfservice.QuestionnaireKind kind) {
    List<FieldProblem> problems = new ArrayList<>();
    if (c.title() == null || c.title().isBlank()) {
      problems.add(problem("title", "questionnaire.title.required"));
    } else if (c.title().length() > TITLE_MAX) {
      problems.add(new FieldProblem("title", "questionnaire.title.size", new Object[] {TITLE_MAX}));
    } else if (ControlCharacters.present(c.title())) {
      problems.add(problem("title", "error.controlCharacter"));
    }
    int kept = 0;
    for (int i = 0; i < c.questions().size(); i++) {
      QuestionForm q = c.questions().get(i);
      if (q == null || q.removed() || q.blank()) {
        continue;
      }
      kept++;
      String at = "questions[" + i + "].";
      if (q.type() == null) {
        problems.add(problem(at + "type", "questionnaire.type.required"));
      }
      if (q.text() == null || q.text().isBlank()) {
        problems.add(problem(at + "text", "questionnaire.text.required"));
      } else if (q.text().length() > TEXT_MAX) {
        problems.add(
            new FieldProblem(at + "text", "questionnaire.text.size", new Object[] {TEXT_MAX}));
      } else if (ControlCharacters.present(q.text())) {
        problems.add(problem(at + "text", "error.controlCharacter"));
      }
      if (q.type() != null && q.type().hasOptions()) {
        optionProblems(at + "options", q).ifPresent(problems::add);
      }
    }
    if (kind == org.huhang.selfservice.QuestionnaireKind.AFTER
        && kept > 0
        && c.questions().stream()
            .noneMatch(
                q ->
                    q != null
                        && !q.removed()
                        && !q.blank()
                        && q.type() == org.huhang.selfservice.QuestionType.SCALE)) {
      // The survey's satisfaction is the mean of its scores: without one, nothing to count.
      problems.add(problem("questions", "questionnaire.after.scale"));
    }
    if (kept > QUESTIONS_MAX) {
      problems.add(
          new FieldProblem(
              "questions", "questionnaire.questions.size", new Object[] {QUESTIONS_MAX}));
    }
    return problems;
  }

  private static java.util.Optional<FieldProblem> optionProblems(String field, QuestionForm q) {
    if (q.options() != null && ControlCharacters.present(q.options())) {
      return java.util.Optional.of(problem(field, "error.controlCharacter"));
    }
    List<String> lines = q.optionLines();
    if (lines.size() < OPTIONS_MIN || lines.size() > OPTIONS_MAX) {
      return java.util.Optional.of(
          new FieldProblem(
              field, "questionnaire.options.count", new Object[] {OPTIONS_MIN, OPTIONS_MAX}));
    }
    Set<String> seen = new HashSet<>();
    for (String line : lines) {
      if (line.length() > OPTION_MAX) {
        return java.util.Optional.of(
            new FieldProblem(field, "questionnaire.options.size", new Object[] {OPTION_MAX}));
      }
      if (!seen.add(line)) {
        return java.util.Optional.of(
            new FieldProblem(field, "questionnaire.options.twice", new Object[] {line}));
      }
    }
    return java.util.Optional.empty();
  }

  /** The questions the form keeps, in its order; call only when {@link #problems} found none. */
  static List<Question> questions(SaveQuestionnaire c) {
    List<Question> out = new ArrayList<>();
    for (QuestionForm q : c.questions()) {
      if (q == null || q.removed() || q.blank()) {
        continue;
      }
      out.add(
          new Question(
              q.type(),
              q.text().strip(),
              q.type().hasOptions() ? q.optionLines() : List.of(),
              Boolean.TRUE.equals(q.required())));
    }
    return out;
  }

  private static FieldProblem problem(String field, String key) {
    return new FieldProblem(field, key, new Object[0]);
  }
}
