package org.huhang.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.huhang.shared.DomainException.FieldProblem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PasswordPolicyTest {

  @ParameterizedTest(name = "{0} / {1} → {2}")
  @CsvSource(
      nullValues = "NONE",
      value = {
        "admin, Huhang@2023, NONE",
        "admin, 0123456789, NONE",
        "admin, 012345678, password.tooShort",
        "admin, '', password.required",
        "zhang.wei, zhang.wei1234, password.containsUsername",
        "zhang.wei, ZHANG.WEI!!!!, password.containsUsername",
        "abcdefghij, jihgfedcba, password.containsUsername",
        "admin, '          ', password.required",
        // ten Chinese characters are ten characters, and 30 bytes
        "admin, 幸福护航婚姻家庭辅导, NONE",
        // 25 Chinese characters are 75 bytes: BCrypt would cut them silently
        "admin, 幸福护航婚姻家庭辅导幸福护航婚姻家庭辅导幸福护航婚姻, password.tooLong",
      })
  void enforcesLengthAndUsernameRules(String username, String password, String expected) {
    assertThat(
            PasswordPolicy.check("password", username, password)
                .map(FieldProblem::messageKey)
                .orElse(null))
        .isEqualTo(expected);
  }
}
