package org.huhang.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormErrorsTest {

  @Test
  void aMessageQuotesWhatWasTypedShortAndVisible() {
    assertThat(FormErrors.quoted("2025-02-30")).isEqualTo("2025-02-30");
    assertThat(FormErrors.quoted("x".repeat(100_000))).isEqualTo("x".repeat(40) + "…");
    assertThat(FormErrors.quoted("a\u0000b")).isEqualTo("ab");
    assertThat(FormErrors.quoted(null)).isEmpty();
  }
}
