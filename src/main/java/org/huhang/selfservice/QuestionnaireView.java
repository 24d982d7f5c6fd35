package org.huhang.selfservice;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A center's questionnaire as the family answers it. {@code standard}: the center has not written
 * its own, the platform's is used. No questions: the center asks none.
 */
public record QuestionnaireView(
    UUID centerId,
    String centerName,
    QuestionnaireKind kind,
    String title,
    List<Question> questions,
    boolean standard,
    String updatedBy,
    Instant updatedAt,
    int version) {

  public QuestionnaireView {
    questions = List.copyOf(questions);
  }

  public boolean asks() {
    return !questions.isEmpty();
  }
}
