package org.huhang.shared.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChineseNamesTest {

  @ParameterizedTest(name = "{0} is found by {1}")
  @CsvSource({
    "张红梅, zhanghongmei",
    "张红梅, zhm",
    "张红梅, zhang",
    "张红梅, zh",
    "曾丽, zengli",
    "曾丽, cengli",
    "吕静, lvjing",
    "欧阳晓, oyx",
  })
  void aNameIsFoundByItsPinyinAndInitials(String name, String query) {
    assertThat(ChineseNames.searchKeys(name)).contains(" " + query);
  }

  @Test
  void traditionalCharactersBecomeSimplified() {
    assertThat(ChineseNames.normalise("濱州")).isEqualTo("滨州");
    assertThat(ChineseNames.normalise("張紅梅")).isEqualTo("张红梅");
    assertThat(ChineseNames.normalise(" ZHM ")).isEqualTo("zhm");
  }

  @Test
  void recognisesChineseCharacters() {
    assertThat(ChineseNames.hasHan("红梅")).isTrue();
    assertThat(ChineseNames.hasHan("zhm")).isFalse();
  }
}
