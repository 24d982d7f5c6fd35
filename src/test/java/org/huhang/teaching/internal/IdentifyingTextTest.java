package org.huhang.teaching.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.huhang.casework.CaseParty;
import org.huhang.casework.CasePeople;
import org.huhang.casework.PartyRole;
import org.huhang.casework.RelatedPerson;
import org.huhang.casework.Relation;
import org.huhang.shared.DomainException.FieldProblem;
import org.huhang.shared.person.Gender;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/** What a manager's edit of a teaching case may not hold, field by field, and how it is said. */
class IdentifyingTextTest {

  /** What the tester typed into a draft and approved, in one sentence. */
  static final String TESTER =
      "当事人高秀兰，电话13812345678，身份证371623198710031234，住无棣县棣丰街道幸福小区3号楼，2026年10月1日会谈。";

  private final IdentifyingText check =
      new IdentifyingText(
          new CasePeople(
              List.of(
                  new CaseParty(
                      PartyRole.A,
                      "高秀兰",
                      Gender.FEMALE,
                      LocalDate.of(1987, 10, 3),
                      "37162319871003123X",
                      "0543-6212345"),
                  new CaseParty(
                      PartyRole.B, "石建军", Gender.MALE, LocalDate.of(1986, 1, 20), null, null)),
              List.of(new RelatedPerson(Relation.CHILD, "石乐乐", null))));

  @Test
  void theTestersSentenceHoldsEveryKind() {
    assertThat(check.find(TESTER))
        .containsExactly(
            Anonymiser.Kind.NAME,
            Anonymiser.Kind.ID_NUMBER,
            Anonymiser.Kind.PHONE,
            Anonymiser.Kind.DATE,
            Anonymiser.Kind.ADDRESS);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          高秀兰哭了|NAME
          秀兰说不想回家|NAME
          高女士不同意|NAME
          老高回家很晚|NAME
          小兰觉得委屈|NAME
          高某不同意|NAME
          建军一直沉默|NAME
          乐乐在上学|NAME
          身份证号370102850101123|ID_NUMBER
          身份证 371623 1987 1003 1234|ID_NUMBER
          她的证件号是37162319871003123X|ID_NUMBER
          手机+86 138-1234-5678|PHONE
          座机0543-6212345|PHONE
          家里电话6212345|PHONE
          2026-10-01会谈|DATE
          2026/10/1会谈|DATE
          2026年10月1日会谈|DATE
          十月一日两人又吵了|DATE
          10月1号两人又吵了|DATE
          住在黄河五路123号|ADDRESS
          住幸福小区3号楼2单元|ADDRESS
          """)
  void eachKindIsFound(String text, Anonymiser.Kind kind) {
    assertThat(check.find(text)).containsExactly(kind);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "女方回到家乡后情绪好转",
        "两人都在滨州市工作",
        "2026年两人结婚",
        "2026年10月两人搬家",
        "男方30多岁，女方不到40岁",
        "男方想提高工作效率，很少回家",
        "两人想提高总收入",
        "她说老高总是很晚回家",
        "每周日晚上家庭会议半小时；丈夫负责接送孩子三天。",
        "男方在某单位上班，收入5000元",
        "第1次会谈：双方约定两周后复谈。",
        "孩子某日发烧",
      })
  void whatIsNotUnambiguousPasses(String text) {
    // 老高 is the wife (a name, while 高总 is no form of it); the rest is ordinary teaching text.
    Set<Anonymiser.Kind> found = check.find(text);
    if (text.contains("老高")) {
      assertThat(found).containsExactly(Anonymiser.Kind.NAME);
    } else {
      assertThat(found).isEmpty();
    }
  }

  @Test
  void aSurnameTwoOfThePeopleShareIsNoNameOfEither() {
    // 石建军 and his son 石乐乐: 老石 or 石某 names neither for sure, as the draft also reads it.
    assertThat(check.find("老石回家很晚，石某不同意")).isEmpty();
    assertThat(check.find("石先生回家很晚")).containsExactly(Anonymiser.Kind.NAME);
  }

  @Test
  void theCasesOwnNumbersAreFoundHoweverTheyLook() {
    // The landline as stored, and an identity number ending in X.
    assertThat(check.find("打0543-6212345找人")).containsExactly(Anonymiser.Kind.PHONE);
    assertThat(check.find("证号37162319871003123X")).containsExactly(Anonymiser.Kind.ID_NUMBER);
  }

  @Test
  void eachFieldIsOneProblemNamingTheFieldAndTheKindsButNotTheText() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("title", "彩礼引发的冷战");
    fields.put("background", TESTER);
    fields.put("method", "电话13812345678联系");
    fields.put("lessons", null);
    List<FieldProblem> problems = check.problems(fields);
    assertThat(problems).extracting(FieldProblem::field).containsExactly("background", "method");

    ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    messages.setBasenames("messages/teaching");
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);
    Locale zh = Locale.SIMPLIFIED_CHINESE;
    String background =
        messages.getMessage(problems.get(0).messageKey(), problems.get(0).args(), zh);
    assertThat(background)
        .startsWith("案例背景含有当事人姓名、含有身份证号码、含有电话号码、含有具体日期、含有详细地址，")
        .doesNotContain("高秀兰", "13812345678", "3718", "幸福小区", "10月1日");
    assertThat(messages.getMessage(problems.get(1).messageKey(), problems.get(1).args(), zh))
        .startsWith("辅导方法含有电话号码，");
    assertThat(
            messages.getMessage(
                problems.get(1).messageKey(), problems.get(1).args(), Locale.ENGLISH))
        .startsWith("Counseling method contains a phone number");
    assertThat(problems.toString()).doesNotContain("13812345678", "高秀兰");
  }
}
