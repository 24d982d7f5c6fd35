package org.huhang.shared.spreadsheet;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;

/**
 * Arbitrary bytes as an .xlsx and as a .csv: the reader answers rows or its documented refusal
 * ({@link SpreadsheetRefused}), never another exception. In the normal build this replays the seed
 * inputs in {@code TabularFilesFuzzTestInputs/<method>/}; {@code JAZZER_FUZZ=1} fuzzes (see the
 * README's developer section).
 */
class TabularFilesFuzzTest {

  static final List<String> HEADERS = List.of("姓名", "身份证号");

  @FuzzTest(maxDuration = "60s")
  void xlsx(byte[] data) {
    byte[] content = data;
    if (data.length < 2 || data[0] != 'P' || data[1] != 'K') {
      content = new byte[data.length + 2];
      content[0] = 'P';
      content[1] = 'K';
      System.arraycopy(data, 0, content, 2, data.length);
    }
    readOrRefuse(content, "fuzz.xlsx");
  }

  @FuzzTest(maxDuration = "60s")
  void csv(byte[] data) {
    if (data.length >= 2 && data[0] == 'P' && data[1] == 'K') {
      return; // read as an .xlsx, which the other test covers
    }
    readOrRefuse(data, "fuzz.csv");
  }

  private static void readOrRefuse(byte[] content, String name) {
    try {
      TabularFiles.read(content, name, HEADERS, 100);
    } catch (SpreadsheetRefused e) {
      if (e.messageKey() == null || e.messageKey().isEmpty()) {
        throw new AssertionError("a refusal without a message", e);
      }
    }
  }
}
