package org.huhang.teaching.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BigramsTest {

  @Test
  void chineseRunsBecomeOverlappingPairsAndTheirLastCharacter() {
    assertThat(Bigrams.lexemes("冷战期间")).containsExactly("冷战", "战期", "期间", "间");
  }

  @Test
  void latinWordsAreWholeAndLowercase() {
    assertThat(Bigrams.lexemes("PUA和AA制")).containsExactly("pua", "和", "aa", "制");
  }

  @Test
  void punctuationSplitsRuns() {
    assertThat(Bigrams.lexemes("彩礼，冷战")).containsExactly("彩礼", "礼", "冷战", "战");
  }

  @Test
  void aQueryNeedsEveryPair() {
    assertThat(Bigrams.query("冷战")).isEqualTo("'冷战'");
    assertThat(Bigrams.query("彩礼 冷战")).isEqualTo("'彩礼' & '冷战'");
    assertThat(Bigrams.query("冷战期间")).isEqualTo("'冷战' & '战期' & '期间'");
  }

  @Test
  void aSingleCharacterMatchesEveryLexemeItBegins() {
    assertThat(Bigrams.query("冷")).isEqualTo("'冷':*");
  }

  @Test
  void queryCharactersAreNeverSyntax() {
    assertThat(Bigrams.query("a' | !b & (c)")).isEqualTo("'a' & 'b' & 'c'");
    assertThat(Bigrams.query("'):*")).isNull();
    assertThat(Bigrams.query("  ")).isNull();
  }
}
