package org.huhang.selfservice.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.huhang.center.CenterView;
import org.huhang.selfservice.QuestionType;
import org.huhang.selfservice.QuestionnaireKind;
import org.huhang.selfservice.QuestionnaireView;
import org.huhang.selfservice.SaveQuestionnaire;
import org.huhang.selfservice.SaveQuestionnaire.QuestionForm;
import org.huhang.selfservice.internal.QuestionnaireRules;
import org.huhang.selfservice.internal.Questionnaires;
import org.huhang.shared.Actor;
import org.huhang.shared.DomainException;
import org.huhang.shared.NotFoundException;
import org.huhang.shared.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The form builder: a center's manager (or an administrator of its region) writes the questionnaire
 * before the first session and the satisfaction survey after, sees them as the family will, or goes
 * back to the platform's. Without script: the form always ends with two blank questions to fill.
 */
@Controller
class QuestionnaireController {

  /** Blank questions at the end of the builder, ready to fill. */
  static final int BLANKS = 2;

  private final Questionnaires questionnaires;
  private final MessageSource messages;

  QuestionnaireController(Questionnaires questionnaires, MessageSource messages) {
    this.questionnaires = questionnaires;
    this.messages = messages;
  }

  @GetMapping("/questionnaires")
  String list(Actor actor, Model model) {
    List<CenterView> centers = questionnaires.editableCenters(actor);
    List<QuestionnaireView[]> rows = new ArrayList<>();
    for (CenterView c : centers) {
      rows.add(
          new QuestionnaireView[] {
            questionnaires.of(c.id().value(), QuestionnaireKind.BEFORE),
            questionnaires.of(c.id().value(), QuestionnaireKind.AFTER)
          });
    }
    model.addAttribute("rows", rows);
    return "selfservice/questionnaires";
  }

  @GetMapping("/questionnaires/{centerId}/{kind}")
  String edit(
      @PathVariable UUID centerId,
      @PathVariable String kind,
      @RequestParam(required = false) String saved,
      @RequestParam(required = false) String reset,
      Actor actor,
      Model model) {
    model.addAttribute("notice", saved != null ? "saved" : reset != null ? "reset" : null);
    QuestionnaireView q = questionnaires.forEdit(centerId, kind(kind), actor);
    List<QuestionForm> forms =
        new ArrayList<>(q.questions().stream().map(QuestionForm::of).toList());
    return form(
        model,
        q,
        new SaveQuestionnaire(q.title(), forms, q.standard() ? null : q.version()),
        FormErrors.none());
  }

  @PostMapping("/questionnaires/{centerId}/{kind}")
  String save(
      @PathVariable UUID centerId,
      @PathVariable String kind,
      @RequestParam MultiValueMap<String, String> form,
      Actor actor,
      Model model) {
    QuestionnaireKind k = kind(kind);
    QuestionnaireView current = questionnaires.forEdit(centerId, k, actor);
    SaveQuestionnaire command = read(form);
    FormErrors errors = FormErrors.none().and(questionnaires.problems(command, k), messages);
    if (errors.any()) {
      return form(model, current, command, errors);
    }
    try {
      questionnaires.save(centerId, k, command, actor);
    } catch (DomainException e) {
      return form(model, current, command, FormErrors.of(e, messages));
    }
    return "redirect:/questionnaires/" + centerId + "/" + k.name() + "?saved";
  }

  @PostMapping("/questionnaires/{centerId}/{kind}/reset")
  String reset(@PathVariable UUID centerId, @PathVariable String kind, Actor actor) {
    QuestionnaireKind k = kind(kind);
    questionnaires.reset(centerId, k, actor);
    return "redirect:/questionnaires/" + centerId + "/" + k.name() + "?reset";
  }

  /** The questionnaire as the family will see it, without a way to send it. */
  @GetMapping("/questionnaires/{centerId}/{kind}/preview")
  String preview(@PathVariable UUID centerId, @PathVariable String kind, Actor actor, Model model) {
    QuestionnaireView q = questionnaires.forEdit(centerId, kind(kind), actor);
    model.addAttribute("questionnaire", q);
    model.addAttribute("action", "#");
    model.addAttribute("back", "/questionnaires/" + centerId + "/" + q.kind().name());
    model.addAttribute("values", new LinkedMultiValueMap<String, String>());
    model.addAttribute("errors", FormErrors.none());
    model.addAttribute("preview", true);
    return "selfservice/answer";
  }

  private String form(
      Model model, QuestionnaireView q, SaveQuestionnaire command, FormErrors errors) {
    List<QuestionForm> forms = new ArrayList<>(command.questions());
    // The blanks sent back are dropped (they carry no problem, so no index shifts), new ones added
    // while there is room for them.
    while (!forms.isEmpty() && forms.get(forms.size() - 1).blank()) {
      forms.remove(forms.size() - 1);
    }
    long kept = forms.stream().filter(f -> !f.removed()).count();
    for (int i = 0; i < BLANKS && kept + i < QuestionnaireRules.QUESTIONS_MAX; i++) {
      forms.add(QuestionForm.empty());
    }
    model.addAttribute("questionnaire", q);
    model.addAttribute("command", new SaveQuestionnaire(command.title(), forms, command.version()));
    model.addAttribute("types", QuestionType.values());
    model.addAttribute("errors", errors);
    return "selfservice/questionnaireForm";
  }

  /** {@code questions[i].field}: i up to two digits; anything else the form never sends. */
  private static final Pattern FIELD =
      Pattern.compile("questions\\[(\\d{1,2})\\]\\.(type|text|options|required|remove|existing)");

  /**
   * The form as sent, read by hand rather than bound: a question index out of range, one that is no
   * number, or a gap between indices is ignored or closed up, never an error page. The questions
   * keep the order of their indices.
   */
  static SaveQuestionnaire read(MultiValueMap<String, String> form) {
    java.util.TreeMap<Integer, java.util.Map<String, String>> byIndex = new java.util.TreeMap<>();
    form.forEach(
        (name, values) -> {
          Matcher m = FIELD.matcher(name);
          if (m.matches() && !values.isEmpty()) {
            byIndex
                .computeIfAbsent(Integer.parseInt(m.group(1)), i -> new java.util.HashMap<>())
                .put(m.group(2), values.get(0));
          }
        });
    List<QuestionForm> questions = new ArrayList<>();
    for (java.util.Map<String, String> f : byIndex.values()) {
      questions.add(
          new QuestionForm(
              QuestionType.parse(f.get("type")).orElse(null),
              blankToNull(f.get("text")),
              blankToNull(f.get("options")),
              "true".equals(f.get("required")),
              "true".equals(f.get("remove")),
              "true".equals(f.get("existing"))));
    }
    Integer version = null;
    String v = form.getFirst("version");
    if (v != null && v.matches("\\d{1,9}")) {
      version = Integer.valueOf(v);
    }
    return new SaveQuestionnaire(blankToNull(form.getFirst("title")), questions, version);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static QuestionnaireKind kind(String value) {
    return QuestionnaireKind.parse(value).orElseThrow(() -> new NotFoundException("questionnaire"));
  }
}
