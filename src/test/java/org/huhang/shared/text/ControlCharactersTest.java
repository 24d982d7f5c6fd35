package org.huhang.shared.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ControlCharactersTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a\u0000b", // NUL: PostgreSQL cannot store it
        "a\u001bb", // escape
        "a\u007fb", // DEL
        "a\u0085b", // next line, a C1 control
        "a\u202eb", // right-to-left override: the name reads backwards in a list
        "a\u200bb", // zero-width space
        "\ufeffab", // byte-order mark
        "a\u2028b", // line separator
        "a\u2029b", // paragraph separator
        "a\ud800b", // a lone surrogate: broken UTF-8
        "a\uffffb" // a non-character
      })
  void invisibleAndControlCharactersAreRefused(String text) {
    assertThat(ControlCharacters.present(text)).isTrue();
    assertThat(ControlCharacters.removed(text)).isEqualTo(text.replaceAll("[^ab]", ""));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "欧阳慧敏",
        "line one\nline two\r\n\tindented",
        "𠮷野家", // a character outside the basic plane, as a surrogate pair
        "Zoë · 张三",
        "=HYPERLINK(\"x\")"
      })
  void ordinaryTextIsKept(String text) {
    assertThat(ControlCharacters.present(text)).isFalse();
    assertThat(ControlCharacters.removed(text)).isSameAs(text);
  }
}
