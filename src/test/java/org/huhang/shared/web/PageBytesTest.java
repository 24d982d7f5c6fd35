package org.huhang.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Issue 13: a page's bytes are exactly the UTF-8 of its text, whatever the characters. */
class PageBytesTest {

  @Test
  void valuesAreEncodedAsJavaEncodesThem() {
    Random random = new Random(13);
    for (int round = 0; round < 2_000; round++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(40); i > 0; i--) {
        switch (random.nextInt(5)) {
          case 0 -> text.append((char) random.nextInt(0x80));
          case 1 -> text.append((char) random.nextInt(0x10000)); // lone surrogates too
          case 2 -> text.appendCodePoint(0x10000 + random.nextInt(0x100000));
          case 3 -> text.append("滨州市无棣县");
          default -> text.append("<td>");
        }
      }
      String value = text.toString();
      PageBytes page = new PageBytes();
      page.writeBinaryContent("<p>".getBytes(StandardCharsets.UTF_8));
      page.writeContent("x" + value + "y", 1, value.length() + 1);
      page.writeContent(value);
      byte[] expected = ("<p>" + value + value).getBytes(StandardCharsets.UTF_8);
      assertThat(Arrays.copyOf(page.array(), page.size())).isEqualTo(expected);
    }
  }

  @Test
  void aLongPageGrows() {
    PageBytes page = new PageBytes();
    String row = "<tr><td>婚姻家庭辅导</td></tr>";
    for (int i = 0; i < 10_000; i++) {
      page.writeContent(row);
    }
    assertThat(page.size()).isEqualTo(row.getBytes(StandardCharsets.UTF_8).length * 10_000);
  }
}
