package org.huhang.reporting.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The report's sheet names are ones Excel opens: no []:*?/\, at most 31 characters, unique. */
class StatsExportSheetNamesTest {

  @Test
  void forbiddenCharactersBecomeUnderscores() {
    assertThat(StatsExportController.sheetName("a/b:c[d]*?\\", new HashSet<>()))
        .isEqualTo("a_b_c_d____");
    assertThat(StatsExportController.sheetName(" ", new HashSet<>())).isEqualTo("_");
  }

  @Test
  void longNamesAreCutAndRepeatedNamesNumbered() {
    Set<String> used = new HashSet<>();
    String longName = "很长".repeat(20);
    assertThat(StatsExportController.sheetName(longName, used)).hasSize(31);
    assertThat(StatsExportController.sheetName(longName, used)).hasSize(31).endsWith("(2)");
    assertThat(StatsExportController.sheetName("合计", used)).isEqualTo("合计");
    assertThat(StatsExportController.sheetName("合计", used)).isEqualTo("合计(2)");
  }
}
