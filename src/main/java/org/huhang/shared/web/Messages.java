package org.huhang.shared.web;

import gg.jte.support.LocalizationSupport;
import java.util.Locale;
import org.springframework.context.MessageSource;

/** The message bundle in the request's language, as templates use it. */
public record Messages(MessageSource source, Locale locale) implements LocalizationSupport {

  @Override
  public String lookup(String key) {
    return source.getMessage(key, null, "??" + key + "??", locale);
  }

  /** A message with arguments, as plain text (escaped by the template when output). */
  public String text(String key, Object... args) {
    return source.getMessage(key, args, "??" + key + "??", locale);
  }

  public boolean english() {
    return "en".equals(locale.getLanguage());
  }
}
