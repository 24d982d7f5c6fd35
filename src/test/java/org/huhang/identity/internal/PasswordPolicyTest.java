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
        "admin, Wq7#mZ2!pLx9, NONE",
        "admin, Strong#Pass2027, NONE",
        // the demo password is on the shipped list: only the demo accounts of the embedded demo
        // database have it
        "admin, Huhang@2023, password.common",
        "admin, password12, password.common",
        // the system's and the city's names with a year around them
        "admin, Huhang@2024, password.local",
        "admin, Huhang@2025!, password.local",
        "admin, binzhou2026!, password.local",
        "admin, 幸福护航2026@@, password.local",
        "admin, Password2024!, password.common",
        "admin, 123456789a, password.common",
        "admin, woaini1314, password.common",
        "admin, qq123456789, password.common",
        "admin, a123456789, password.common",
        "admin, qwertyuiop, password.common",
        "admin, aaaaaaaaaa, password.pattern",
        "admin, 1234567890, password.common",
        "admin, 0123456789, password.pattern",
        "admin, abcdefghij, password.pattern",
        "admin, 9876543210, password.pattern",
        "admin, zyxwvutsrq, password.pattern",
        "admin, abcabcabca, password.pattern",
        "admin, 1212121212, password.pattern",
        "admin, aaaaabbbbbccccc, password.pattern",
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
