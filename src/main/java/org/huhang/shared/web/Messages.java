package org.huhang.shared.web;

import gg.jte.support.LocalizationSupport;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;

/**
 * The message bundle in the request's language, as templates use it. Texts without arguments are
 * kept in {@code known} (one map per language, shared by all requests; the bundles do not change
 * while the application runs): a page of forty cases looks up hundreds of labels, and each lookup
 * walked the thirteen bundles in turn (a fifth of the case list's time, issue 13).
 */
public record Messages(MessageSource source, Locale locale, Map<String, String> known)
    implements LocalizationSupport {

  /** Beyond this many texts per language (keys built from data, never expected) none is kept. */
  static final int KEPT = 20_000;

  @Override
  public String lookup(String key) {
    String text = known.get(key);
    if (text == null) {
      text = source.getMessage(key, null, null, locale);
      if (text == null) {
        text = "??" + key + "??";
      }
      if (known.size() < KEPT) {
        known.put(key, text);
      }
    }
    return text;
  }

  /** A message with arguments, as plain text (escaped by the template when output). */
  public String text(String key, Object... args) {
    String text = source.getMessage(key, args, null, locale);
    return text == null ? "??" + key + "??" : text;
  }

  public boolean english() {
    return "en".equals(locale.getLanguage());
  }
}
