package org.huhang.teaching.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.huhang.casework.CaseId;
import org.huhang.casework.CaseParty;
import org.huhang.casework.CaseStage;
import org.huhang.casework.ClosedCaseRecord;
import org.huhang.casework.PartyRole;
import org.huhang.casework.Risk;
import org.huhang.casework.SessionNotes;
import org.huhang.casework.SixSteps;
import org.huhang.shared.person.Gender;
import org.junit.jupiter.api.Test;

/** The method paragraph of a draft reads as sentences, whatever punctuation the notes end in. */
class TeachingDraftsTest {

  @Test
  void partsBecomeSentencesEachEndingInOneFullStop() {
    assertThat(TeachingDrafts.sentences(List.of("主要矛盾是婆媳关系。", "约定：每周家庭会议；", "下一步：两周后复谈")))
        .isEqualTo("主要矛盾是婆媳关系。约定：每周家庭会议。下一步：两周后复谈。");
    assertThat(TeachingDrafts.sentences(List.of("双方愿意再谈， ", "  ", "约定：先分开冷静.")))
        .isEqualTo("双方愿意再谈。约定：先分开冷静。");
    assertThat(TeachingDrafts.sentences(List.of())).isEmpty();
  }

  @Test
  void theMethodOfTheDemoNotesHasNoDoubledPunctuation() {
    ClosedCaseRecord record =
        new ClosedCaseRecord(
            new CaseId(java.util.UUID.randomUUID()),
            java.util.UUID.randomUUID(),
            "/370000/371600/371623/",
            CaseStage.MARRIAGE,
            List.of("COMMUNICATION"),
            Risk.LOW,
            "RECONCILED",
            null,
            LocalDate.of(2024, 1, 10),
            LocalDate.of(2024, 6, 1),
            List.of(
                new CaseParty(
                    PartyRole.A, "高秀兰", Gender.FEMALE, LocalDate.of(1987, 10, 3), null, null),
                new CaseParty(
                    PartyRole.B, "石建军", Gender.MALE, LocalDate.of(1986, 1, 20), null, null)),
            List.of(),
            List.of(
                new SessionNotes(
                    new SixSteps("认为丈夫应主动分担家务和育儿", null, null, null, null, null),
                    new SixSteps("认为家务和照顾老人应该由妻子承担", null, null, null, null, null),
                    "双方都表示仍有感情基础，主要矛盾是家务分工与婆媳关系。",
                    "每周日晚上家庭会议半小时；丈夫负责接送孩子三天。",
                    "两周后复谈")));
    TeachingDrafts.Draft draft = TeachingDrafts.draft(record, "婚姻关系", List.of("夫妻沟通"), "和好");
    assertThat(draft.method())
        .isEqualTo("第1次会谈：双方都表示仍有感情基础，主要矛盾是家务分工与婆媳关系。" + "约定：每周日晚上家庭会议半小时；丈夫负责接送孩子三天。下一步：两周后复谈。")
        .doesNotContain("。；", "；；", "。。");
    assertThat(draft.steps().beliefSystem())
        .isEqualTo("女方（第1次会谈）：认为丈夫应主动分担家务和育儿\n男方（第1次会谈）：认为家务和照顾老人应该由妻子承担");
  }
}
