package org.huhang.shared.text;

/**
 * The one rule for invisible control characters in text that a person or a client sends: a NUL byte
 * cannot be stored (PostgreSQL refuses it), an escape or a bell is never meant. Tab, line feed and
 * carriage return are text (a note typed over several lines); every other control character (C0,
 * DEL, C1), every invisible format character (zero-width space, byte-order mark, the direction
 * overrides that make a name read backwards in a list), the line and paragraph separators, a lone
 * surrogate (broken UTF-8) and the non-characters are refused, wherever the text comes from (form,
 * query parameter, JSON, spreadsheet cell).
 */
public final class ControlCharacters {

  private ControlCharacters() {}

  /** Whether {@code text} holds a character the rule refuses. */
  public static boolean present(CharSequence text) {
    if (text == null) {
      return false;
    }
    for (int i = 0; i < text.length(); ) {
      int c = Character.codePointAt(text, i);
      if (refused(c)) {
        return true;
      }
      i += Character.charCount(c);
    }
    return false;
  }

  /** The text without its refused characters: to show back what was typed, never to store it. */
  public static String removed(String text) {
    if (!present(text)) {
      return text;
    }
    StringBuilder kept = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      if (!refused(c)) {
        kept.appendCodePoint(c);
      }
      i += Character.charCount(c);
    }
    return kept.toString();
  }

  private static boolean refused(int c) {
    if (c == '\t' || c == '\n' || c == '\r') {
      return false;
    }
    return switch (Character.getType(c)) {
      case Character.CONTROL,
          Character.FORMAT,
          Character.SURROGATE,
          Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR ->
          true;
      default -> (c & 0xfffe) == 0xfffe || (c >= 0xfdd0 && c <= 0xfdef);
    };
  }
}
