package org.huhang.volunteer.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.huhang.shared.DomainException;
import org.huhang.shared.DomainException.FieldProblem;
import org.huhang.volunteer.Speciality;
import org.junit.jupiter.api.Test;

/** An entry of the speciality dictionary: its definition rules and its two moves. */
class SpecialityEntryTest {

  @Test
  void aNewEntryIsActiveTrimmedAndItsCodeUpperCase() {
    SpecialityEntry entry = SpecialityEntry.define(" elder_Care ", " 老人赡养 ", " Elder care ", 90);
    assertThat(entry.isNew()).isTrue();
    assertThat(entry.view()).isEqualTo(new Speciality("ELDER_CARE", "老人赡养", "Elder care", true));
  }

  @Test
  void aCodeMustBeUpperCaseLettersDigitsAndUnderscores() {
    for (String code : new String[] {"E", "1ELDER", "ELDER-CARE", "老人", "", null}) {
      assertThatThrownBy(() -> SpecialityEntry.define(code, "老人赡养", "Elder care", 90))
          .as(String.valueOf(code))
          .isInstanceOfSatisfying(
              DomainException.class,
              e ->
                  assertThat(e.problems())
                      .extracting(FieldProblem::field, FieldProblem::messageKey)
                      .containsExactly(
                          org.assertj.core.groups.Tuple.tuple("code", "speciality.code.pattern")));
    }
  }

  @Test
  void bothNamesAreRequiredAndBounded() {
    assertThatThrownBy(() -> SpecialityEntry.define("ELDER_CARE", " ", "x".repeat(81), 90))
        .isInstanceOfSatisfying(
            DomainException.class,
            e ->
                assertThat(e.problems())
                    .extracting(FieldProblem::field)
                    .containsExactly("nameZh", "nameEn"));
  }

  @Test
  void anEntryIsDisabledAndEnabledAgain() {
    SpecialityEntry entry = new SpecialityEntry("PARENTING", "家庭教育", "Parenting", true, 40);
    assertThat(entry.isNew()).isFalse();
    entry.disable();
    assertThat(entry.view().active()).isFalse();
    entry.enable();
    assertThat(entry.view().active()).isTrue();
  }
}
