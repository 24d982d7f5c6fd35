package org.huhang.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.huhang.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

/**
 * Every menu entry has its label and the hint the home page's cards show under it, in both
 * languages: the keys are made at run time (label + ".hint"), so the bundle test cannot see them,
 * and three modules once showed ??menu.outreach.hint?? on the home page.
 */
class MenuWordsIntegrationTest extends IntegrationTest {

  @Autowired List<MenuEntry> entries;
  @Autowired MessageSource messages;

  @Test
  void everyMenuEntryHasItsLabelAndHintInBothLanguages() {
    List<String> missing = new ArrayList<>();
    for (MenuEntry entry : entries) {
      List<String> keys = new ArrayList<>(List.of(entry.labelKey()));
      if (!entry.href().equals("/")) {
        keys.add(entry.labelKey() + ".hint");
      }
      for (String key : keys) {
        for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
          if (messages.getMessage(key, null, null, locale) == null) {
            missing.add(key + " (" + locale + ")");
          }
        }
      }
    }
    assertThat(missing).isEmpty();
  }
}
