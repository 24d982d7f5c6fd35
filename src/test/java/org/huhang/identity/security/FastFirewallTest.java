package org.huhang.identity.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Issue 13: the firewall's loops accept exactly what Spring Security's expressions accept. */
class FastFirewallTest {

  private static final Pattern NAME = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
  private static final Pattern HEADER_VALUE =
      Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

  @Test
  void theLoopsAgreeWithTheExpressions() {
    List<String> texts =
        new ArrayList<>(
            List.of(
                "",
                "SESSION=YzhlMWFmZjUtNmFlNi00ZTA3LWFhMzMtZmMxOTA5NGU0ZmMy",
                "text/html,application/xhtml+xml;q=0.9",
                "滨州市 无棣县",
                "a\tb",
                "a\u0000b",
                "a\u007fb",
                "a\u0085b",
                "a\u2028b",
                "a\u0378b",
                "\uD83D\uDE00",
                "\uD83D",
                "\uDE00x",
                "a\nb",
                "a\rb"));
    Random random = new Random(13);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder text = new StringBuilder();
      for (int j = random.nextInt(6); j > 0; j--) {
        int cp =
            switch (random.nextInt(4)) {
              case 0 -> random.nextInt(0x100);
              case 1 -> random.nextInt(0x10000);
              case 2 -> random.nextInt(0x110000);
              default -> 0x20 + random.nextInt(0x5f);
            };
        text.appendCodePoint(cp);
      }
      texts.add(text.toString());
    }
    for (String text : texts) {
      assertThat(FastFirewall.assignedAndNotControl(text))
          .as("name %s", text.codePoints().boxed().toList())
          .isEqualTo(NAME.matcher(text).matches());
      assertThat(FastFirewall.headerValue(text))
          .as("header value %s", text.codePoints().boxed().toList())
          .isEqualTo(HEADER_VALUE.matcher(text).matches());
    }
  }
}
