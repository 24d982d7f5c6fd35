package org.huhang.shared.person;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Fuzz tests of the identity number and the phone number (issue 9): whatever text arrives, the only
 * refusal is the documented one ({@code Invalid} with a {@code Problem}, or an empty {@code
 * Optional}), and what is accepted is well-formed. In the suite (regression mode) each replays its
 * seed corpus under {@code
 * src/test/resources/org/huhang/shared/person/PersonFuzzTestInputs/<method>}; {@code JAZZER_FUZZ=1}
 * fuzzes one of them (see DEVELOPERS.md).
 */
class PersonFuzzTest {

  static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

  @FuzzTest(maxDuration = "60s")
  void residentIdNumber(byte[] data) {
    String input = new String(data, StandardCharsets.UTF_8);
    ResidentIdNumber id;
    try {
      id = ResidentIdNumber.parse(input, TODAY);
    } catch (ResidentIdNumber.Invalid refused) {
      assertThat(refused.problem()).isNotNull();
      assertThat(ResidentIdNumber.check(input, TODAY)).contains(refused.problem());
      return;
    }
    assertThat(id.value()).matches("[0-9]{17}[0-9X]");
    assertThat(id.birthDate()).isBetween(LocalDate.of(1900, 1, 1), TODAY);
    assertThat(id.value().charAt(17))
        .isEqualTo(ResidentIdNumber.checkCharacter(id.value().substring(0, 17)));
    assertThat(ResidentIdNumber.check(input, TODAY)).isEmpty();
  }

  @FuzzTest(maxDuration = "60s")
  void phoneNumber(byte[] data) {
    String input = new String(data, StandardCharsets.UTF_8);
    Optional<PhoneNumber> phone = PhoneNumber.parse(input);
    Optional<PhoneNumber.Problem> problem = PhoneNumber.check(input, true);
    if (phone.isPresent()) {
      assertThat(phone.get().value()).matches("[0-9-]{7,20}");
      assertThat(phone.get().masked()).isNotNull();
      assertThat(problem).isEmpty();
    } else {
      assertThat(problem).isPresent();
      assertThat(PhoneNumber.check(input, false).isPresent()).isEqualTo(!input.isBlank());
    }
  }
}
