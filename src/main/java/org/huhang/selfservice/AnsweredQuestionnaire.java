package org.huhang.selfservice;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A questionnaire as one person answered it: the questions as they were asked then, and its
 * answers. {@code satisfaction}: the mean of its scale answers (the survey's), or null.
 */
public record AnsweredQuestionnaire(
    QuestionnaireKind kind,
    String title,
    List<Item> items,
    BigDecimal satisfaction,
    Instant answeredAt) {

  public AnsweredQuestionnaire {
    items = List.copyOf(items);
  }

  /** One question and its answer: the text, the options chosen, or the scale's number. */
  public record Item(Question question, String text, List<String> chosen, Integer scale) {

    public Item {
      chosen = chosen == null ? List.of() : List.copyOf(chosen);
    }

    public boolean answered() {
      return (text != null && !text.isBlank()) || !chosen.isEmpty() || scale != null;
    }
  }

  @Override
  public String toString() {
    return "AnsweredQuestionnaire[" + kind + ", ***]";
  }
}
