package org.huhang.teaching.internal;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.huhang.casework.CaseParty;
import org.huhang.casework.ClosedCaseRecord;
import org.huhang.casework.PartyRole;
import org.huhang.casework.RelatedPerson;
import org.huhang.casework.Relation;
import org.huhang.casework.SessionNotes;
import org.huhang.casework.SixSteps;
import org.huhang.shared.person.Gender;

/**
 * Writes the first draft of a teaching case from a closed case, anonymised, along the method's
 * six-step chain: for each step, what each party said in each session; then the background (stage,
 * categories, age decades, number of sessions, outcome) and the counselors' method. Pure: the words
 * of the stage, categories and outcome come in already named. The draft is material for the manager
 * to edit, never published as it is.
 */
public final class TeachingDrafts {

  /** What a draft holds; every text already anonymised. */
  public record Draft(String title, String background, SixSteps steps, String method) {}

  private static final Map<Relation, String> RELATIONS = new EnumMap<>(Relation.class);

  static {
    RELATIONS.put(Relation.CHILD, "孩子");
    RELATIONS.put(Relation.PARENT, "一方父母");
    RELATIONS.put(Relation.PARENT_IN_LAW, "姻亲长辈");
    RELATIONS.put(Relation.SIBLING, "兄弟姐妹");
    RELATIONS.put(Relation.OTHER_RELATIVE, "亲属");
  }

  private static final String ORDINALS = "甲乙丙丁戊己庚辛";

  private TeachingDrafts() {}

  /** The role a party is named by: 男方/女方, or 一方/另一方 when that does not tell them apart. */
  static Map<PartyRole, String> partyLabels(List<CaseParty> parties) {
    Map<PartyRole, String> labels = new EnumMap<>(PartyRole.class);
    boolean distinct =
        parties.size() == 2
            && parties.get(0).gender() != null
            && parties.get(1).gender() != null
            && parties.get(0).gender() != parties.get(1).gender();
    for (CaseParty p : parties) {
      if (distinct) {
        labels.put(p.role(), p.gender() == Gender.MALE ? "男方" : "女方");
      } else {
        labels.put(p.role(), p.role() == PartyRole.A ? "一方" : "另一方");
      }
    }
    return labels;
  }

  /** The people of the case, each with the role that replaces their name. */
  static List<Anonymiser.Person> people(ClosedCaseRecord record) {
    return people(record.parties(), record.relatedPersons());
  }

  /** The parties and relatives, each with the role that replaces their name. */
  static List<Anonymiser.Person> people(
      List<CaseParty> parties, List<RelatedPerson> relatedPersons) {
    Map<PartyRole, String> labels = partyLabels(parties);
    List<Anonymiser.Person> people = new ArrayList<>();
    parties.forEach(p -> people.add(new Anonymiser.Person(p.name(), labels.get(p.role()))));
    Map<Relation, Integer> count = new EnumMap<>(Relation.class);
    relatedPersons.forEach(r -> count.merge(r.relation(), 1, Integer::sum));
    Map<Relation, Integer> seen = new EnumMap<>(Relation.class);
    for (RelatedPerson r : relatedPersons) {
      String label = RELATIONS.get(r.relation());
      if (count.get(r.relation()) > 1) {
        int n = seen.merge(r.relation(), 1, Integer::sum) - 1;
        label = label + ORDINALS.charAt(Math.min(n, ORDINALS.length() - 1));
      }
      people.add(new Anonymiser.Person(r.name(), label));
    }
    return people;
  }

  public static Draft draft(
      ClosedCaseRecord record, String stageName, List<String> categoryNames, String outcomeName) {
    Map<PartyRole, String> labels = partyLabels(record.parties());
    Anonymiser anonymiser = new Anonymiser(people(record));
    // The parties' numbers as given are removed however the notes spell them.
    Function<String, String> clean =
        text -> {
          if (text == null || text.isBlank()) {
            return null;
          }
          String out = text;
          for (CaseParty p : record.parties()) {
            out = removeLiteral(out, p.idNumber(), Anonymiser.ID_NUMBER);
            out = removeLiteral(out, p.phone(), Anonymiser.PHONE);
          }
          return anonymiser.clean(out).strip();
        };

    String title =
        stageName + (categoryNames.isEmpty() ? "" : "：" + String.join("、", categoryNames)) + "个案";

    LocalDate on = record.closedOn() != null ? record.closedOn() : record.openedOn();
    StringBuilder background = new StringBuilder();
    background.append("阶段：").append(stageName).append("。");
    if (!categoryNames.isEmpty()) {
      background.append("问题类别：").append(String.join("、", categoryNames)).append("。");
    }
    List<String> who = new ArrayList<>();
    for (CaseParty p : record.parties()) {
      who.add(
          labels.get(p.role())
              + (p.birthDate() == null || on == null
                  ? ""
                  : Anonymiser.decade(Period.between(p.birthDate(), on).getYears())));
    }
    background.append("当事人：").append(String.join("，", who)).append("。");
    if (!record.relatedPersons().isEmpty()) {
      List<String> family = new ArrayList<>();
      for (Anonymiser.Person person :
          people(record).subList(record.parties().size(), people(record).size())) {
        family.add(person.role());
      }
      background.append("家中相关的人：").append(String.join("、", family)).append("。");
    }
    background
        .append("共进行")
        .append(record.sessions().size())
        .append("次会谈")
        .append(outcomeName == null ? "" : "，结案结果：" + outcomeName)
        .append("。");
    String arrangements = clean.apply(record.arrangements());
    if (arrangements != null) {
      background.append("\n").append(arrangements);
    }

    List<Function<SixSteps, String>> fields =
        List.of(
            SixSteps::beliefSystem,
            SixSteps::thinkingAngle,
            SixSteps::emotionalFeelings,
            SixSteps::behaviour,
            SixSteps::result,
            SixSteps::conclusion);
    List<String> steps = new ArrayList<>();
    for (Function<SixSteps, String> field : fields) {
      StringBuilder step = new StringBuilder();
      for (int i = 0; i < record.sessions().size(); i++) {
        SessionNotes notes = record.sessions().get(i);
        line(step, i, labels.get(PartyRole.A), notes.partyA(), field, clean);
        line(step, i, labels.get(PartyRole.B), notes.partyB(), field, clean);
      }
      steps.add(step.isEmpty() ? null : step.toString().strip());
    }

    StringBuilder method = new StringBuilder();
    for (int i = 0; i < record.sessions().size(); i++) {
      SessionNotes notes = record.sessions().get(i);
      List<String> parts = new ArrayList<>();
      String free = clean.apply(notes.freeNotes());
      String actions = clean.apply(notes.agreedActions());
      String next = clean.apply(notes.nextAppointment());
      if (free != null) {
        parts.add(free);
      }
      if (actions != null) {
        parts.add("约定：" + actions);
      }
      if (next != null) {
        parts.add("下一步：" + next);
      }
      if (!parts.isEmpty()) {
        method.append("第").append(i + 1).append("次会谈：").append(sentences(parts));
        method.append("\n");
      }
    }
    return new Draft(
        title,
        background.toString(),
        new SixSteps(
            steps.get(0), steps.get(1), steps.get(2), steps.get(3), steps.get(4), steps.get(5)),
        method.isEmpty() ? null : method.toString().strip());
  }

  /**
   * The parts as sentences one after another, each ending in one 。: "婆媳关系。" and "约定：……" read
   * "婆媳关系。约定：……。", never "婆媳关系。；约定".
   */
  static String sentences(List<String> parts) {
    StringBuilder out = new StringBuilder();
    for (String part : parts) {
      String sentence = TRAILING_PUNCTUATION.matcher(part.strip()).replaceAll("");
      if (!sentence.isEmpty()) {
        out.append(sentence).append("。");
      }
    }
    return out.toString();
  }

  private static final java.util.regex.Pattern TRAILING_PUNCTUATION =
      java.util.regex.Pattern.compile("[。；;，,、.\\s]+$");

  private static void line(
      StringBuilder out,
      int session,
      String label,
      SixSteps steps,
      Function<SixSteps, String> field,
      Function<String, String> clean) {
    if (steps == null || label == null) {
      return;
    }
    String text = clean.apply(field.apply(steps));
    if (text != null) {
      out.append(label).append("（第").append(session + 1).append("次会谈）：").append(text).append("\n");
    }
  }

  private static String removeLiteral(String text, String value, String replacement) {
    if (value == null || value.isBlank()) {
      return text;
    }
    return text.replace(value.strip(), replacement);
  }
}
