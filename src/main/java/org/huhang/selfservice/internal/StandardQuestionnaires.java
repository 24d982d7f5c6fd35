package org.huhang.selfservice.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.huhang.selfservice.Question;
import org.huhang.selfservice.QuestionType;
import org.huhang.selfservice.QuestionnaireKind;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The platform's own questionnaires, used by a center that has not written its own: short, in
 * Chinese (they are the center's content, whatever the screen's language), from the bundle ({@code
 * questionnaire.standard.<KIND>.*}). Every survey asks the same first question, the overall
 * satisfaction, so the figures compare centers on it.
 */
@Component
class StandardQuestionnaires {

  private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

  private record Spec(QuestionType type, boolean required) {}

  private static final List<Spec> BEFORE =
      List.of(
          new Spec(QuestionType.TEXT, true),
          new Spec(QuestionType.SINGLE, false),
          new Spec(QuestionType.SINGLE, false),
          new Spec(QuestionType.SCALE, false));

  private static final List<Spec> AFTER =
      List.of(
          new Spec(QuestionType.SCALE, true),
          new Spec(QuestionType.SCALE, true),
          new Spec(QuestionType.SCALE, false),
          new Spec(QuestionType.SINGLE, false),
          new Spec(QuestionType.TEXT, false));

  private final MessageSource messages;

  StandardQuestionnaires(MessageSource messages) {
    this.messages = messages;
  }

  String title(QuestionnaireKind kind) {
    return messages.getMessage("questionnaire.standard." + kind.name() + ".title", null, ZH);
  }

  List<Question> questions(QuestionnaireKind kind) {
    List<Spec> specs = kind == QuestionnaireKind.BEFORE ? BEFORE : AFTER;
    List<Question> out = new ArrayList<>();
    for (int i = 0; i < specs.size(); i++) {
      String prefix = "questionnaire.standard." + kind.name() + ".q" + (i + 1);
      Spec s = specs.get(i);
      List<String> options =
          s.type().hasOptions()
              ? Arrays.asList(messages.getMessage(prefix + ".options", null, ZH).split("\\|"))
              : List.of();
      out.add(new Question(s.type(), messages.getMessage(prefix, null, ZH), options, s.required()));
    }
    return out;
  }
}
