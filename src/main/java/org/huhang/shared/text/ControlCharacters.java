package org.huhang.shared.text;

/**
 * The one rule for invisible control characters in text that a person or a client sends: a NUL byte
 * cannot be stored (PostgreSQL refuses it), an escape or a bell is never meant. Tab, line feed and
 * carriage return are text (a note typed over several lines); every other C0 control and DEL is
 * refused, wherever the text comes from (form, query parameter, JSON, spreadsheet cell).
 */
public final class ControlCharacters {

  private ControlCharacters() {}

  /** Whether {@code text} holds a control character other than tab, line feed, carriage return. */
  public static boolean present(CharSequence text) {
    if (text == null) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      if (refused(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** The text without its refused characters: to show back what was typed, never to store it. */
  public static String removed(String text) {
    if (!present(text)) {
      return text;
    }
    StringBuilder kept = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!refused(c)) {
        kept.append(c);
      }
    }
    return kept.toString();
  }

  private static boolean refused(char c) {
    return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f;
  }
}
