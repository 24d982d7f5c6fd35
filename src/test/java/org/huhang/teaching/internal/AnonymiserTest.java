package org.huhang.teaching.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.huhang.casework.CaseId;
import org.huhang.casework.CaseParty;
import org.huhang.casework.CaseStage;
import org.huhang.casework.ClosedCaseRecord;
import org.huhang.casework.PartyRole;
import org.huhang.casework.RelatedPerson;
import org.huhang.casework.Relation;
import org.huhang.casework.Risk;
import org.huhang.casework.SessionNotes;
import org.huhang.casework.SixSteps;
import org.huhang.shared.person.Gender;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnonymiserTest {

  private final Anonymiser anonymiser =
      new Anonymiser(
          List.of(
              new Anonymiser.Person("王建国", "男方"),
              new Anonymiser.Person("李秀梅", "女方"),
              new Anonymiser.Person("王小明", "孩子"),
              new Anonymiser.Person("欧阳春花", "姻亲长辈")));

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          王建国说他很累|男方说他很累
          李秀梅觉得王建国不理解她|女方觉得男方不理解她
          王先生和李女士吵架|男方和女方吵架
          老李一直哭|女方一直哭
          秀梅说建国不回家|女方说男方不回家
          王小明今年上学|孩子今年上学
          欧阳春花来了|姻亲长辈来了
          欧阳阿姨插话|姻亲长辈插话
          """)
  void namesBecomeRoles(String text, String expected) {
    assertThat(anonymiser.clean(text)).isEqualTo(expected);
  }

  @Test
  void aSurnameTwoPeopleShareIsNoNameOfEither() {
    // 王建国 and his son 王小明: 老王 names neither for sure, 王先生 still the husband.
    assertThat(anonymiser.clean("老王来了")).isEqualTo("老王来了");
    assertThat(anonymiser.clean("王先生来了")).isEqualTo("男方来了");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          身份证371623198505051234|身份证某身份证号
          身份证号 37162319850505123X 已核对|身份证号 某身份证号 已核对
          证件 3716 2319 8505 0512 34|证件 某身份证号
          老证件371623850505123|老证件某身份证号
          电话13812345678|电话某电话
          手机 138 1234 5678|手机 某电话
          手机138-1234-5678|手机某电话
          电话+86 13812345678|电话某电话
          座机0543-3212345|座机某电话
          座机(0543)32123456|座机某电话
          卡号6222 0212 3456 7890|卡号某号码
          """)
  void numbersAreRemoved(String text, String expected) {
    assertThat(anonymiser.clean(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          2023年3月5日吵了一架|2023年某日吵了一架
          2023-03-05吵了一架|2023年某日吵了一架
          2023/3/5吵了一架|2023年某日吵了一架
          3月5日又吵了|某日又吵了
          三月初五回娘家|某日回娘家
          2021年结婚|2021年结婚
          """)
  void datesKeepNothingFinerThanTheYear(String text, String expected) {
    assertThat(anonymiser.clean(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          男方35岁|男方30多岁
          孩子8岁|孩子不到10岁
          她今年四十二岁|她今年40多岁
          """)
  void agesAreRoundedToTheirDecade(String text, String expected) {
    assertThat(anonymiser.clean(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          住在滨州市滨城区黄河五路123号3单元402室|住在某地
          家在无棣县车王镇小王村|家在某地
          搬到阳光小区5号楼|搬到某地
          娘家在张家村|娘家在某地
          """)
  void addressesBecomeSomePlace(String text, String expected) {
    assertThat(anonymiser.clean(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          在滨州市人民医院当护士|在某单位当护士
          他在鲁北化工有限公司上班|他在某单位上班
          在第一中学教书|在某单位教书
          在建设银行工作|在某单位工作
          回单位加班|回单位加班
          他之所以生气|他之所以生气
          """)
  void workplacesBecomeSomeWorkplace(String text, String expected) {
    assertThat(anonymiser.clean(text)).isEqualTo(expected);
  }

  @Test
  void ordinaryCounselingTextIsLeftAsItIs() {
    String text = "两人为彩礼的事冷战了一个月，男方觉得女方不体谅他。";
    assertThat(anonymiser.clean(text)).isEqualTo(text);
  }

  @Test
  void theDraftWalksTheSixStepsWithRolesAndDecades() {
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
                    PartyRole.A,
                    "张伟",
                    Gender.MALE,
                    LocalDate.of(1988, 3, 1),
                    "371623198803011234",
                    "13912345678"),
                new CaseParty(
                    PartyRole.B, "赵丽", Gender.FEMALE, LocalDate.of(1990, 7, 1), null, null)),
            List.of(new RelatedPerson(Relation.CHILD, "张乐乐", LocalDate.of(2018, 1, 1))),
            List.of(
                new SessionNotes(
                    new SixSteps("张伟认为挣钱养家就够了", null, "张伟很委屈", null, null, null),
                    new SixSteps(null, "赵丽觉得张伟不关心张乐乐", null, null, null, null),
                    "赵丽电话13912345678",
                    "每周一起陪乐乐",
                    "2024年3月5日再谈")));
    TeachingDrafts.Draft draft = TeachingDrafts.draft(record, "婚姻关系", List.of("夫妻沟通"), "和好");
    assertThat(draft.title()).isEqualTo("婚姻关系：夫妻沟通个案");
    assertThat(draft.background())
        .contains("男方30多岁", "女方30多岁", "孩子", "共进行1次会谈", "和好")
        .doesNotContain("1988", "1990");
    assertThat(draft.steps().beliefSystem()).isEqualTo("男方（第1次会谈）：男方认为挣钱养家就够了");
    assertThat(draft.steps().thinkingAngle()).isEqualTo("女方（第1次会谈）：女方觉得男方不关心孩子");
    assertThat(draft.method()).contains("约定：每周一起陪孩子", "2024年某日").doesNotContain("1391234");
    String all =
        String.join(
            "|",
            draft.title(),
            draft.background(),
            draft.steps().beliefSystem(),
            draft.steps().thinkingAngle(),
            draft.steps().emotionalFeelings(),
            draft.method());
    assertThat(all).doesNotContain("张伟", "赵丽", "乐乐", "13912345678");
  }
}
