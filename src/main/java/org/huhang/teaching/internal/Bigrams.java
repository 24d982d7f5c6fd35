package org.huhang.teaching.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Chinese full text without a word segmenter: every run of Chinese characters is cut into
 * overlapping pairs (冷战期间 → 冷战 战期 期间), and the run's last character is kept alone too, so a
 * one-character search finds it at the end of a run as well; Latin letters and digits are whole
 * lowercase words.
 *
 * <p>Why bigrams: most Chinese words are two characters, so a two-character query (冷战, 彩礼) is
 * exactly one lexeme; pg_trgm's trigrams cannot match a two-character word at all, and a word
 * segmenter (zhparser, jieba) is an extension and a dictionary to install and keep. The lexemes go
 * into PostgreSQL as they are ({@code array_to_tsvector}) and the query as a {@code tsquery}
 * literal, so no text parser (whose idea of a letter depends on the database's locale) touches
 * them; a GIN index serves both.
 */
public final class Bigrams {

  private Bigrams() {}

  /** The lexemes of a text to index, each once. */
  public static List<String> lexemes(String text) {
    Set<String> out = new LinkedHashSet<>();
    for (String run : runs(text)) {
      if (isHan(run.codePointAt(0))) {
        int[] cps = run.codePoints().toArray();
        for (int i = 0; i + 1 < cps.length; i++) {
          out.add(new String(cps, i, 2));
        }
        out.add(new String(cps, cps.length - 1, 1));
      } else {
        out.add(run);
      }
    }
    return List.copyOf(out);
  }

  /**
   * The tsquery of a search: each bigram of each Chinese run and each word must be present; a
   * single Chinese character matches every lexeme it begins. Built only of letters and digits, each
   * quoted, so nothing a user types can be read as query syntax. Null when nothing is left.
   */
  public static String query(String text) {
    List<String> terms = new ArrayList<>();
    for (String run : runs(text)) {
      int[] cps = run.codePoints().toArray();
      if (isHan(cps[0]) && cps.length == 1) {
        terms.add(quote(run) + ":*");
      } else if (isHan(cps[0])) {
        for (int i = 0; i + 1 < cps.length; i++) {
          terms.add(quote(new String(cps, i, 2)));
        }
      } else {
        terms.add(quote(run));
      }
      if (terms.size() >= 32) {
        break;
      }
    }
    return terms.isEmpty() ? null : String.join(" & ", new LinkedHashSet<>(terms));
  }

  private static String quote(String lexeme) {
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'";
  }

  /** Runs of Chinese characters and runs of Latin letters or digits; everything else splits. */
  static List<String> runs(String text) {
    List<String> runs = new ArrayList<>();
    if (text == null) {
      return runs;
    }
    StringBuilder run = new StringBuilder();
    int kind = 0; // 1 Han, 2 Latin or digit
    for (int cp : text.codePoints().toArray()) {
      int k = isHan(cp) ? 1 : (Character.isLetterOrDigit(cp) && cp < 0x2E80) ? 2 : 0;
      if (k != kind && !run.isEmpty()) {
        runs.add(kind == 2 ? run.toString().toLowerCase(Locale.ROOT) : run.toString());
        run.setLength(0);
      }
      kind = k;
      if (k != 0) {
        run.appendCodePoint(cp);
      }
    }
    if (!run.isEmpty()) {
      runs.add(kind == 2 ? run.toString().toLowerCase(Locale.ROOT) : run.toString());
    }
    return runs;
  }

  private static boolean isHan(int cp) {
    return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
  }
}
