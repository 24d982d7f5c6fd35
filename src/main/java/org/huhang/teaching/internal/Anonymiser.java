package org.huhang.teaching.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes the people and places out of a case's text, so that a teaching case does not name whom it
 * is about. Pure: it knows the people it is given and the shapes of numbers, dates, ages, addresses
 * and workplaces.
 *
 * <ul>
 *   <li>A person's full name, surname with a form of address (王先生, 老王, 小王, 王某 …) and a given name
 *       of two characters or more become the person's role (男方, 女方, 孩子 …).
 *   <li>Identity numbers (18 or 15 digits, spaces or dashes between), mobile numbers (+86, spaces,
 *       dashes), landlines and any other run of seven digits or more are removed.
 *   <li>Exact dates keep nothing finer than the year: 2023年3月5日 → 2023年某日, 3月5日 → 某日.
 *   <li>Ages are rounded down to their decade: 35岁 → 30多岁, under ten → 不到10岁.
 *   <li>Addresses (chains of 省/市/区/县/镇/村/路/号/小区/楼/单元/室 …) become 某地, workplaces
 *       (…公司/厂/医院/学校/银行/局/所/单位) 某单位.
 * </ul>
 *
 * It errs on the side of removing too much; the manager reads and edits every draft before anyone
 * else sees it. {@link #find} uses the same detectors to tell what a text still holds, but only the
 * unambiguous ones (a name of the case's people, an identity or phone number, a day, a street
 * address with its number): a manager's edit that holds one is refused, and a word that merely
 * looks like a place (家乡) never is.
 */
public final class Anonymiser {

  /** A person the text may name, and the role to name them by instead. */
  public record Person(String name, String role) {}

  /** What {@link #find} tells a text still holds, in the order a message names them. */
  public enum Kind {
    NAME,
    ID_NUMBER,
    PHONE,
    DATE,
    ADDRESS
  }

  static final String ID_NUMBER = "某身份证号";
  static final String PHONE = "某电话";
  static final String NUMBER = "某号码";
  static final String PLACE = "某地";
  static final String WORKPLACE = "某单位";
  static final String DAY = "某日";

  private static final List<String> COMPOUND_SURNAMES =
      List.of(
          "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "夏侯", "令狐", "司徒", "端木",
          "西门", "南宫");

  /** Forms of address after a surname. */
  private static final List<String> AFTER_SURNAME =
      List.of(
          "先生", "女士", "小姐", "太太", "师傅", "老师", "大哥", "大姐", "阿姨", "叔叔", "大爷", "大妈", "某某", "某", "哥",
          "姐", "总", "工");

  /**
   * Forms of address that are also the start of everyday words (紧张工作 holds 张工, 老李总是 李总): the draft
   * removes them, an edit is not refused for them.
   */
  private static final Set<String> COMMON_WORD_FORMS = Set.of("总", "工");

  /** Before a surname. */
  private static final List<String> BEFORE_SURNAME = List.of("老", "小", "阿");

  // Digits may be split by one space or dash anywhere (as people type them).
  private static final String SEP = "[\\s\\-－]?";
  // Not a piece of a longer run of digits (which may have separators of its own).
  private static final String BEFORE = "(?<![0-9][\\s\\-－]?)";
  private static final String AFTER = "(?![\\s\\-－]?[0-9])";
  private static final Pattern ID18 =
      Pattern.compile(BEFORE + "(?:[0-9]" + SEP + "){17}[0-9Xx]" + AFTER);
  private static final Pattern ID15 =
      Pattern.compile(BEFORE + "(?:[0-9]" + SEP + "){14}[0-9]" + AFTER);
  private static final Pattern MOBILE =
      Pattern.compile(BEFORE + "(?:\\+?86" + SEP + ")?1[3-9][0-9](?:" + SEP + "[0-9]){8}" + AFTER);
  private static final Pattern LANDLINE =
      Pattern.compile(
          BEFORE
              + "(?:[(（]?0[0-9]{2,3}[)）]?"
              + SEP
              + ")?[2-9][0-9]{2,3}"
              + SEP
              + "[0-9]{4}"
              + AFTER);
  // Whatever else looks like a long number (a bank card, a masked id with *).
  private static final Pattern LONG_NUMBER =
      Pattern.compile(BEFORE + "[0-9](?:" + SEP + "[0-9*＊]){6,}" + AFTER);

  private static final String CN_NUM = "[0-9０-９一二三四五六七八九十两零〇]";
  private static final Pattern FULL_DATE =
      Pattern.compile(
          "((?:19|20)[0-9]{2})\\s*(?:年\\s*"
              + CN_NUM
              + "{1,2}\\s*月(?:\\s*"
              + CN_NUM
              + "{1,3}\\s*[日号])?|[-/.](?:0?[1-9]|1[0-2])[-/.](?:0?[1-9]|[12][0-9]|3[01])(?![0-9]))");
  private static final Pattern MONTH_DAY =
      Pattern.compile(
          "(?<![0-9])(?:0?[1-9]|1[0-2]|[一二三四五六七八九十]{1,2})\\s*月\\s*(?:初"
              + CN_NUM
              + "{1,2}(?:\\s*[日号])?|"
              + CN_NUM
              + "{1,3}\\s*[日号])");
  private static final Pattern AGE_DIGITS = Pattern.compile("(?<![0-9])([0-9]{1,3})\\s*周?岁");
  private static final Pattern AGE_HAN = Pattern.compile("([一二三四五六七八九十]{1,3})岁");

  // A place name: Han characters that are not words of a sentence around it.
  private static final String NAME = "[\\p{IsHan}&&[^在住到是的从去回于和与了往搬把被对向离自我你他她们也都就还又很说给让跟等这那个某年月]]";
  private static final String UNIT =
      "(?:自治区|省|市|区|县|镇|乡|街道|村|社区|小区|大道|路|街|巷|胡同|弄|号楼|号院|栋|幢|单元|室|组|屯|庄)";
  private static final String NUMBERED =
      "(?:[0-9０-９一二三四五六七八九十百零]+\\s*(?:号楼|号院|号|栋|幢|单元|室|楼|层|组|弄|排))";
  private static final String PART = "(?:" + NAME + "{1,8}?" + UNIT + "|" + NUMBERED + ")";
  private static final Pattern ADDRESS_CHAIN =
      Pattern.compile(PART + "(?:[\\s\\-－]?" + PART + ")+");
  private static final Pattern ADDRESS_ONE = Pattern.compile(NAME + "{1,8}?(?:村|社区|小区|街道|镇|乡|胡同)");
  private static final Pattern WORKPLACE_PATTERN =
      Pattern.compile(
          NAME
              + "{2,10}?(?:有限责任公司|有限公司|公司|集团|工厂|厂|医院|卫生院|诊所|中学|小学|学校|幼儿园|大学|学院|银行|信用社|超市|酒店|饭店|商场|局|所(?![以有谓])|单位)");

  // A house number in an address: 3号楼, 12号, 2单元, 501室.
  private static final Pattern HOUSE_NUMBER =
      Pattern.compile("[0-9０-９一二三四五六七八九十百零]+\\s*(?:号楼|号院|号|栋|幢|单元|室|楼)");

  /**
   * One detector: what it matches, what replaces a match, and the kind {@link #find} reports when a
   * match is unambiguous (no kind: it only ever cleans).
   */
  private record Step(
      Pattern pattern,
      Function<MatchResult, String> replacement,
      Kind kind,
      Predicate<String> unambiguous) {

    static Step cleaning(Pattern pattern, String replacement) {
      return new Step(pattern, m -> replacement, null, s -> false);
    }

    static Step finding(Pattern pattern, String replacement, Kind kind) {
      return new Step(pattern, m -> replacement, kind, s -> true);
    }
  }

  /** The detectors in the order they run: dates before the other numbers (2023-03-05 is a day). */
  private static final List<Step> STEPS =
      List.of(
          Step.finding(ID18, ID_NUMBER, Kind.ID_NUMBER),
          Step.finding(MOBILE, PHONE, Kind.PHONE),
          Step.finding(ID15, ID_NUMBER, Kind.ID_NUMBER),
          new Step(FULL_DATE, m -> m.group(1) + "年" + DAY, Kind.DATE, Anonymiser::hasDay),
          Step.finding(MONTH_DAY, DAY, Kind.DATE),
          Step.finding(LANDLINE, PHONE, Kind.PHONE),
          Step.cleaning(LONG_NUMBER, NUMBER),
          new Step(AGE_DIGITS, m -> decade(Integer.parseInt(m.group(1))), null, s -> false),
          new Step(
              AGE_HAN,
              m -> {
                int age = hanNumber(m.group(1));
                return age < 0 ? m.group() : decade(age);
              },
              null,
              s -> false),
          new Step(
              ADDRESS_CHAIN,
              m -> PLACE,
              Kind.ADDRESS,
              address -> HOUSE_NUMBER.matcher(address).find()),
          Step.cleaning(ADDRESS_ONE, PLACE),
          Step.cleaning(WORKPLACE_PATTERN, WORKPLACE));

  /** A date with its day (2023年3月5日, 2023-03-05), not only its month (2023年3月). */
  private static boolean hasDay(String date) {
    return !date.contains("年") || date.endsWith("日") || date.endsWith("号");
  }

  private final List<Map.Entry<String, String>> names;
  private final Set<String> commonWordForms = new HashSet<>();

  public Anonymiser(List<Person> people) {
    Map<String, String> found = new LinkedHashMap<>();
    Map<String, Integer> surnames = new LinkedHashMap<>();
    for (Person p : people) {
      if (p.name() != null && !p.name().isBlank()) {
        surnames.merge(surname(p.name().strip()), 1, Integer::sum);
      }
    }
    for (Person p : people) {
      if (p.name() == null || p.name().isBlank()) {
        continue;
      }
      String name = p.name().strip();
      found.putIfAbsent(name, p.role());
      String surname = surname(name);
      String given = name.substring(surname.length());
      if (given.length() >= 2) {
        found.putIfAbsent(given, p.role());
        found.putIfAbsent("小" + given.substring(given.length() - 1), p.role());
      }
      boolean sharedSurname = surnames.getOrDefault(surname, 0) > 1;
      for (String after : AFTER_SURNAME) {
        // 先生 and 女士 still tell apart two people of one surname; 老王 does not.
        if (!sharedSurname || after.equals("先生") || after.equals("女士")) {
          found.putIfAbsent(surname + after, p.role());
          if (COMMON_WORD_FORMS.contains(after)) {
            commonWordForms.add(surname + after);
          }
        }
      }
      if (!sharedSurname && given.length() > 0) {
        for (String before : BEFORE_SURNAME) {
          found.putIfAbsent(before + surname, p.role());
        }
      }
    }
    List<Map.Entry<String, String>> sorted = new ArrayList<>(found.entrySet());
    // The longest first, so that 王建国 is one person and not 王 + 建国.
    sorted.sort(
        Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed());
    this.names = List.copyOf(sorted);
  }

  private static String surname(String name) {
    for (String compound : COMPOUND_SURNAMES) {
      if (name.startsWith(compound) && name.length() > compound.length()) {
        return compound;
      }
    }
    return name.length() > 1 ? name.substring(0, 1) : name;
  }

  /**
   * The text without names, numbers, exact dates, ages, addresses and workplaces; null stays null.
   */
  public String clean(String text) {
    if (text == null) {
      return null;
    }
    // Roles go in as private-use placeholders, so that no later pattern reads them as a place name.
    List<String> roles = new ArrayList<>();
    String out = text;
    for (Map.Entry<String, String> name : names) {
      if (out.contains(name.getKey())) {
        int index = roles.indexOf(name.getValue());
        if (index < 0) {
          roles.add(name.getValue());
          index = roles.size() - 1;
        }
        out = out.replace(name.getKey(), String.valueOf((char) (0xE000 + index)));
      }
    }
    for (Step step : STEPS) {
      out = replace(step, out);
    }
    for (int i = 0; i < roles.size(); i++) {
      out = out.replace(String.valueOf((char) (0xE000 + i)), roles.get(i));
    }
    return out;
  }

  /**
   * What of the case's people and their traces a text still holds, by kind: a name of the people
   * this anonymiser knows, an identity number, a mobile or landline number, a day finer than the
   * year, a street address with its house number. Only unambiguous finds: what the draft removes to
   * be safe (家乡, 某单位, a long number, an age) is not reported. The text found is never returned.
   */
  public Set<Kind> find(String text) {
    Set<Kind> found = EnumSet.noneOf(Kind.class);
    if (text == null || text.isBlank()) {
      return found;
    }
    String out = text;
    for (Map.Entry<String, String> name : names) {
      // 张工 in 紧张工作 is no name; left in place, it hides no real one (老石 in 老石总是).
      if (!commonWordForms.contains(name.getKey()) && out.contains(name.getKey())) {
        found.add(Kind.NAME);
        // A placeholder, as clean() does: no later pattern reads a name as a place.
        out = out.replace(name.getKey(), "\uE000");
      }
    }
    for (Step step : STEPS) {
      if (step.kind() != null && !found.contains(step.kind())) {
        Matcher m = step.pattern().matcher(out);
        while (m.find()) {
          if (step.unambiguous().test(m.group())) {
            found.add(step.kind());
            break;
          }
        }
      }
      out = replace(step, out);
    }
    return found;
  }

  private static String replace(Step step, String text) {
    return step.pattern()
        .matcher(text)
        .replaceAll(m -> Matcher.quoteReplacement(step.replacement().apply(m)));
  }

  /** An age as its decade: 35 → 30多岁, 8 → 不到10岁. */
  public static String decade(int age) {
    if (age < 10) {
      return "不到10岁";
    }
    return (age / 10 * 10) + "多岁";
  }

  /** 三十五 → 35, 十八 → 18, 七 → 7; anything else -1. */
  static int hanNumber(String han) {
    String digits = "零一二三四五六七八九";
    int ten = han.indexOf('十');
    if (ten < 0) {
      return han.length() == 1 ? digits.indexOf(han.charAt(0)) : -1;
    }
    int tens = ten == 0 ? 1 : digits.indexOf(han.charAt(0));
    int ones = ten == han.length() - 1 ? 0 : digits.indexOf(han.charAt(ten + 1));
    if (tens < 0 || ones < 0 || ten > 1 || han.length() - ten > 2) {
      return -1;
    }
    return tens * 10 + ones;
  }
}
