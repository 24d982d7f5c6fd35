package org.huhang.shared.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResidentIdNumberTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      nullValues = "NONE",
      value = {
        // valid, including check character X and a lower-case x
        "11010519491231002X, NONE",
        "11010519491231002x, NONE",
        "37160219800315001X, NONE",
        "371602198003150028, NONE",
        "440524193001010010, NONE",
        // wrong check character
        "110105194912310021, CHECK_DIGIT",
        "371602198003150019, CHECK_DIGIT",
        // 31 February, month 13, day 00
        "371602198002310018, BIRTH_DATE",
        "371602198013010010, BIRTH_DATE",
        "440524188001010014, BIRTH_DATE",
        "371602198001000012, BIRTH_DATE",
        // born after today
        "371602202712010019, FUTURE_BIRTH_DATE",
        // wrong length, letters
        "37160219800315001, LENGTH",
        "3716021980031500144, LENGTH",
        "37160219800315A014, FORMAT",
        "37160219800315001Y, FORMAT",
        // a province code that does not exist
        "991602198003150015, PROVINCE",
        "001602198003150016, PROVINCE",
        "'', REQUIRED",
      })
  void checksEveryRule(String number, String expected) {
    assertThat(ResidentIdNumber.check(number, TODAY).map(Enum::name).orElse(null))
        .isEqualTo(expected);
  }

  @Test
  void readsBirthDateAndGender() throws Exception {
    ResidentIdNumber id = ResidentIdNumber.parse("11010519491231002x", TODAY);
    assertThat(id.value()).isEqualTo("11010519491231002X");
    assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
    assertThat(id.gender()).isEqualTo(Gender.FEMALE);
    assertThat(ResidentIdNumber.parse("37160219800315001X", TODAY).gender()).isEqualTo(Gender.MALE);
  }

  @Test
  void isMaskedToFirstSixAndLastFour() throws Exception {
    assertThat(ResidentIdNumber.parse("11010519491231002X", TODAY).masked())
        .isEqualTo("110105********002X");
  }

  @Test
  void theCheckCharacterFollowsIso7064() {
    assertThat(ResidentIdNumber.checkCharacter("11010519491231002")).isEqualTo('X');
    assertThat(ResidentIdNumber.checkCharacter("37160219800315002")).isEqualTo('8');
  }
}
