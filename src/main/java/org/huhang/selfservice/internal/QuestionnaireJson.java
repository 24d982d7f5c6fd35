package org.huhang.selfservice.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.huhang.selfservice.AnsweredQuestionnaire;
import org.huhang.selfservice.AnsweredQuestionnaire.Item;
import org.huhang.selfservice.Question;
import org.huhang.selfservice.QuestionType;
import org.huhang.selfservice.QuestionnaireKind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stored JSON of questionnaires and answers, from explicit maps (the stored text does not
 * change when a record gains a method):
 *
 * <pre>
 * questionnaire.questions: [{"type": "SINGLE", "text": "…", "options": ["…"], "required": true}]
 * answer.answers_cipher (sealed): {"title": "…", "items": [{"question": {…as above…},
 *                                  "text": "…" | null, "chosen": ["…"], "scale": 1..5 | null}]}
 * </pre>
 */
final class QuestionnaireJson {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private QuestionnaireJson() {}

  static String questions(List<Question> questions) {
    return JSON.writeValueAsString(questions.stream().map(QuestionnaireJson::question).toList());
  }

  static List<Question> questions(String json) {
    List<Question> out = new ArrayList<>();
    for (JsonNode n : JSON.readTree(json)) {
      out.add(question(n));
    }
    return out;
  }

  static String answers(String title, List<Item> items) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("title", title);
    List<Object> list = new ArrayList<>();
    for (Item i : items) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("question", question(i.question()));
      m.put("text", i.text());
      m.put("chosen", i.chosen());
      m.put("scale", i.scale());
      list.add(m);
    }
    out.put("items", list);
    return JSON.writeValueAsString(out);
  }

  static AnsweredQuestionnaire answered(
      QuestionnaireKind kind, String json, BigDecimal satisfaction, java.time.Instant at) {
    JsonNode n = JSON.readTree(json);
    List<Item> items = new ArrayList<>();
    for (JsonNode i : n.get("items")) {
      List<String> chosen = new ArrayList<>();
      i.get("chosen").forEach(c -> chosen.add(c.asString()));
      items.add(
          new Item(
              question(i.get("question")),
              i.get("text").isNull() ? null : i.get("text").asString(),
              chosen,
              i.get("scale").isNull() ? null : i.get("scale").asInt()));
    }
    return new AnsweredQuestionnaire(kind, n.get("title").asString(), items, satisfaction, at);
  }

  private static Map<String, Object> question(Question q) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", q.type().name());
    m.put("text", q.text());
    m.put("options", q.options());
    m.put("required", q.required());
    return m;
  }

  private static Question question(JsonNode n) {
    List<String> options = new ArrayList<>();
    n.get("options").forEach(o -> options.add(o.asString()));
    return new Question(
        QuestionType.valueOf(n.get("type").asString()),
        n.get("text").asString(),
        options,
        n.get("required").asBoolean());
  }
}
