package org.huhang.teaching.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.huhang.casework.CaseParty;
import org.huhang.casework.CasePeople;
import org.huhang.shared.DomainException.FieldProblem;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * Checks a teaching case's text, field by field, for what would let a reader recognise the people
 * of its source case: their names as the {@link Anonymiser} knows them, their identity and phone
 * numbers as given, and any identity number, phone number, day or street address with its number.
 * Pure. A field that holds one is one problem naming the field and the kinds found ("含有身份证号码"),
 * never the text found, so that neither a message nor a log repeats it.
 */
final class IdentifyingText {

  static final String MESSAGE = "teaching.identifying";

  /** The fields of a teaching case, each with the message key of its name. */
  static final Map<String, String> LABELS = new LinkedHashMap<>();

  static {
    LABELS.put("title", "teaching.caseTitle");
    LABELS.put("background", "teaching.background");
    LABELS.put("beliefSystem", "teaching.step.beliefSystem");
    LABELS.put("thinkingAngle", "teaching.step.thinkingAngle");
    LABELS.put("emotionalFeelings", "teaching.step.emotionalFeelings");
    LABELS.put("behaviour", "teaching.step.behaviour");
    LABELS.put("result", "teaching.step.result");
    LABELS.put("conclusion", "teaching.step.conclusion");
    LABELS.put("method", "teaching.method");
    LABELS.put("lessons", "teaching.lessons");
  }

  private final Anonymiser anonymiser;
  private final List<CaseParty> parties;

  IdentifyingText(CasePeople people) {
    this.anonymiser =
        new Anonymiser(TeachingDrafts.people(people.parties(), people.relatedPersons()));
    this.parties = people.parties();
  }

  /** What one text holds, by kind. */
  Set<Anonymiser.Kind> find(String text) {
    Set<Anonymiser.Kind> found = anonymiser.find(text);
    if (text != null) {
      for (CaseParty p : parties) {
        // The numbers as the case holds them, however the generic patterns read them.
        if (p.idNumber() != null && text.contains(p.idNumber())) {
          found.add(Anonymiser.Kind.ID_NUMBER);
        }
        if (p.phone() != null && text.contains(p.phone())) {
          found.add(Anonymiser.Kind.PHONE);
        }
      }
    }
    return found;
  }

  /** One problem for each field (by its name in {@link #LABELS}) that holds something. */
  List<FieldProblem> problems(Map<String, String> fields) {
    List<FieldProblem> problems = new ArrayList<>();
    fields.forEach(
        (field, text) -> {
          Set<Anonymiser.Kind> found = find(text);
          if (!found.isEmpty()) {
            problems.add(problem(field, found));
          }
        });
    return problems;
  }

  /**
   * "案例背景含有当事人姓名、含有电话号码，…": the field's name and each kind, resolved in the user's language when
   * the message is.
   */
  static FieldProblem problem(String field, Set<Anonymiser.Kind> kinds) {
    Object[] named =
        kinds.stream()
            .map(k -> new DefaultMessageSourceResolvable("teaching.found." + k.name()))
            .toArray();
    return new FieldProblem(
        field,
        MESSAGE,
        new Object[] {
          new DefaultMessageSourceResolvable(LABELS.getOrDefault(field, "teaching.caseTitle")),
          new DefaultMessageSourceResolvable(
              new String[] {"teaching.found.list." + named.length}, named)
        });
  }

  /** The fields of an edit, by name. */
  static Map<String, String> fields(org.huhang.teaching.EditTeachingCase c) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("title", c.title());
    fields.put("background", c.background());
    fields.put("beliefSystem", c.beliefSystem());
    fields.put("thinkingAngle", c.thinkingAngle());
    fields.put("emotionalFeelings", c.emotionalFeelings());
    fields.put("behaviour", c.behaviour());
    fields.put("result", c.result());
    fields.put("conclusion", c.conclusion());
    fields.put("method", c.method());
    fields.put("lessons", c.lessons());
    return fields;
  }

  /** The fields of a stored case, by name. */
  static Map<String, String> fields(TeachingCase t) {
    return fields(
        new org.huhang.teaching.EditTeachingCase(
            t.title(),
            t.background(),
            t.beliefSystem(),
            t.thinkingAngle(),
            t.emotionalFeelings(),
            t.behaviour(),
            t.result(),
            t.conclusion(),
            t.method(),
            t.lessons(),
            null));
  }
}
