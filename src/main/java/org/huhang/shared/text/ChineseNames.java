package org.huhang.shared.text;

import com.github.houbb.opencc4j.util.ZhConverterUtil;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * How Chinese users search for a person: by the characters (simplified or traditional), by the full
 * pinyin or by its initials (张红梅 ← "zhanghongmei", "zhm"). A name's search keys hold every reading
 * of its polyphonic characters (曾 as zeng and ceng), up to a bound.
 */
public final class ChineseNames {

  private static final int MAX_READINGS = 16;
  private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();

  static {
    FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
    FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
    FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
  }

  private ChineseNames() {}

  /** Traditional characters become simplified; spaces and the middle dot go; letters lower-case. */
  public static String normalise(String text) {
    if (text == null) {
      return "";
    }
    String simplified = ZhConverterUtil.isTraditional(text) ? ZhConverterUtil.toSimple(text) : text;
    return simplified
        .strip()
        .replace(" ", "")
        .replace("·", "")
        .replace("•", "")
        .toLowerCase(Locale.ROOT);
  }

  public static boolean hasHan(String text) {
    return text.codePoints()
        .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
  }

  /** Longest key kept: a query longer than this is searched by its first {@value} characters. */
  public static final int MAX_KEY_LENGTH = 24;

  private static final int MAX_HAN_KEY = 10;

  /**
   * Every string a search box may hold that should find this name, so that a search is one exact
   * look-up in an index: each run of its characters (红梅 in 张红梅), and each prefix of the full pinyin
   * and of the initials, read from the surname or from any later character (zh, zhang,
   * zhanghongmei, hongmei, zhm, hm). Polyphonic characters add their other readings.
   */
  public static Set<String> searchKeys(String name) {
    String n = normalise(name);
    Set<String> keys = new LinkedHashSet<>();
    for (int i = 0; i < n.length(); i++) {
      for (int j = i + 1; j <= n.length() && j - i <= MAX_HAN_KEY; j++) {
        keys.add(n.substring(i, j));
      }
    }
    List<Set<String>> readings = new ArrayList<>();
    for (char c : n.toCharArray()) {
      readings.add(readings(c));
    }
    for (int start = 0; start < readings.size(); start++) {
      for (String full : combinations(readings.subList(start, readings.size()), false)) {
        addPrefixes(keys, full);
      }
      for (String initials : combinations(readings.subList(start, readings.size()), true)) {
        addPrefixes(keys, initials);
      }
    }
    return keys;
  }

  /** The key a search box's text is looked up by. */
  public static String queryKey(String query) {
    String q = normalise(query);
    if (!hasHan(q)) {
      q = q.replaceAll("[^a-z0-9]", "");
    }
    int max = hasHan(q) ? MAX_HAN_KEY : MAX_KEY_LENGTH;
    return q.length() > max ? q.substring(0, max) : q;
  }

  /** The name in pinyin, syllables apart: the order of a list sorted by name. */
  public static String sortKey(String name) {
    StringBuilder sb = new StringBuilder();
    for (char c : normalise(name).toCharArray()) {
      if (!sb.isEmpty()) {
        sb.append(' ');
      }
      sb.append(readings(c).iterator().next());
    }
    return sb.toString();
  }

  private static List<String> combinations(List<Set<String>> readings, boolean initialsOnly) {
    List<String> result = new ArrayList<>(List.of(""));
    for (Set<String> choices : readings) {
      List<String> next = new ArrayList<>();
      for (String prefix : result) {
        for (String r : choices) {
          String candidate = prefix + (initialsOnly ? r.substring(0, 1) : r);
          if (next.size() < MAX_READINGS && !next.contains(candidate)) {
            next.add(candidate);
          }
        }
      }
      result = next;
    }
    return result;
  }

  private static void addPrefixes(Set<String> keys, String s) {
    for (int len = 1; len <= Math.min(s.length(), MAX_KEY_LENGTH); len++) {
      keys.add(s.substring(0, len));
    }
  }

  private static Set<String> readings(char c) {
    Set<String> result = new LinkedHashSet<>();
    try {
      String[] pinyin = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
      if (pinyin != null) {
        for (String p : pinyin) {
          result.add(p.replace("u:", "v"));
        }
      }
    } catch (BadHanyuPinyinOutputFormatCombination e) {
      throw new IllegalStateException(e);
    }
    if (result.isEmpty()) {
      result.add(String.valueOf(c).toLowerCase(Locale.ROOT));
    }
    return result;
  }
}
