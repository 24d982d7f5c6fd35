package org.huhang.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegionPathsTest {

  @ParameterizedTest
  @CsvSource(
      nullValues = "NONE",
      value = {
        "/370000/371600/371623/371623101/371623101201/, 371623, /370000/371600/371623/",
        "/370000/371600/371623/371623101/, 371623, /370000/371600/371623/",
        "/370000/371600/371681/, 371681, /370000/371600/371681/",
        "/370000/371600/, NONE, /370000/371600/",
        "/370000/, NONE, /370000/",
        "/370000/370100/370102/, 370102, /370000/370100/370102/",
      })
  void findsTheCountyByItsCode(String path, String county, String countyPath) {
    assertThat(RegionPaths.countyCode(path)).isEqualTo(county);
    assertThat(RegionPaths.countyPath(path)).isEqualTo(countyPath);
  }
}
