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
    "张红梅, hongmei",
    "张红梅, hm",
    "张红梅, 红梅",
    "张红梅, 张",
    "张红梅, 梅",
  })
  void aNameIsFoundByItsPinyinAndInitials(String name, String query) {
    assertThat(ChineseNames.searchKeys(name)).contains(ChineseNames.queryKey(query));
  }

  @ParameterizedTest(name = "{0} is not found by {1}")
  @CsvSource({"张红梅, hongz", "张红梅, 张梅", "张红梅, zhx", "李娜, zhang"})
  void otherStringsDoNotFindTheName(String name, String query) {
    assertThat(ChineseNames.searchKeys(name)).doesNotContain(ChineseNames.queryKey(query));
  }

  @Test
  void queriesAreNormalisedLikeNames() {
    assertThat(ChineseNames.queryKey("Zhang Hong")).isEqualTo("zhanghong");
    assertThat(ChineseNames.queryKey("張紅")).isEqualTo("张红");
    assertThat(ChineseNames.sortKey("张红梅")).isEqualTo("zhang hong mei");
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
