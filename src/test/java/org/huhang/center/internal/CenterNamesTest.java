package org.huhang.center.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CenterNamesTest {

  @Test
  void aRememberedPathMatchesTheScopesPatternAsLikeDid() {
    assertThat(CenterNames.like("/370000/371600/371623/", "/370000/371600/371623/%")).isTrue();
    assertThat(CenterNames.like("/370000/371600/371623/001/", "/370000/371600/%")).isTrue();
    assertThat(CenterNames.like("/370000/371600/371681/", "/370000/371600/371623/%")).isFalse();
    assertThat(CenterNames.like("/370000/371600/", "%")).isTrue();
    assertThat(CenterNames.like("/370000/371600/", "/370000/371600/")).isTrue();
    assertThat(CenterNames.like("/370000/371600/", "/370000/3716__/")).isFalse();
    assertThat(CenterNames.like(null, "%")).isFalse();
    assertThat(CenterNames.like("/370000/", null)).isFalse();
  }
}
