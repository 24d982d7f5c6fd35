package org.huhang.shared.person;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhoneNumberTest {

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      nullValues = "NONE",
      value = {
        "13800138000, 13800138000",
        "１３８００１３８０００, 13800138000",
        "＋８６１５０１２３４５６７８, 15012345678",
        "199 0000 1234, 19900001234",
        "+8615012345678, 15012345678",
        "0543-3161234, 0543-3161234",
        "05433161234, 0543-3161234",
        "(0543)3161234, 0543-3161234",
        "010-62345678, 010-62345678",
        "12800138000, NONE",
        "1380013800, NONE",
        "138001380001, NONE",
        "3161234, NONE",
        "0543-0161234, NONE",
        "abc, NONE",
      })
  void acceptsMobilesAndLandlinesWithAreaCode(String input, String expected) {
    assertThat(PhoneNumber.parse(input).map(PhoneNumber::value).orElse(null)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({"13800138000, 138****8000", "0543-3161234, 0543-*****34"})
  void isMasked(String phone, String masked) {
    assertThat(PhoneNumber.parse(phone).orElseThrow().masked()).isEqualTo(masked);
  }
}
