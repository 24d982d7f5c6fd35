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

  /**
   * The search keys of a name: each full pinyin reading and each initials reading, every one
   * preceded by a space so that {@code keys LIKE '% ' || query || '%'} finds a prefix of any.
   */
  public static String searchKeys(String name) {
    String n = normalise(name);
    List<String> full = new ArrayList<>(List.of(""));
    List<String> initials = new ArrayList<>(List.of(""));
    for (char c : n.toCharArray()) {
      Set<String> readings = readings(c);
      List<String> nextFull = new ArrayList<>();
      List<String> nextInitials = new ArrayList<>();
      for (String prefix : full) {
        for (String r : readings) {
          if (nextFull.size() < MAX_READINGS) {
            nextFull.add(prefix + r);
          }
        }
      }
      for (String prefix : initials) {
        for (String r : readings) {
          String candidate = prefix + r.charAt(0);
          if (nextInitials.size() < MAX_READINGS && !nextInitials.contains(candidate)) {
            nextInitials.add(candidate);
          }
        }
      }
      full = nextFull;
      initials = nextInitials;
    }
    Set<String> keys = new LinkedHashSet<>(full);
    keys.addAll(initials);
    StringBuilder sb = new StringBuilder();
    for (String k : keys) {
      if (!k.isEmpty()) {
        sb.append(' ').append(k);
      }
    }
    return sb.toString();
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
