package org.huhang.reporting.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.huhang.region.RegionLevel;
import org.huhang.reporting.Figures;
import org.huhang.volunteer.Background;

/**
 * The paragraph a Women's Federation publishes in its work report, from the figures: pure, no
 * Spring. It is a Chinese publication text in the federation's fixed wording (SPEC §5), so its
 * words live here rather than in a message bundle: it reads the same whatever the user's language.
 *
 * <p>Wording: the region as 全省 for the province, 全市 for a city, and for a county-level region by
 * its name's last character (县 → 全县, 区 → 全区, 市 → 全市; a township 镇/乡 → 全镇/全乡, a 街道 → 全街道, otherwise
 * its name); the period as "2018年以来" when it starts on 1 January, otherwise "2018年3月5日以来"; its end
 * as "截至9月底" when it ends on the last day of a month (the source's wording: the year is the
 * report's own), otherwise "截至2023年9月15日". A rate without applications reads "—".
 */
public final class WorkReport {

  private static final Map<Background, String> BACKGROUNDS =
      Map.of(
          Background.FEDERATION_CADRE, "妇联干部",
          Background.LAWYER, "律师",
          Background.PSYCHOLOGICAL_COUNSELOR, "心理咨询师",
          Background.SOCIAL_WORKER, "社工",
          Background.FAMILY_INSTRUCTOR, "婚姻家庭指导师",
          Background.CARING_CITIZEN, "爱心人士");

  /** The report's first line while the history still loads: its figures will grow. */
  public static final String INCOMPLETE = "（历史数据载入中，以下数字尚不完整）";

  private WorkReport() {}

  /** The paragraph, after a first line saying so when the figures are incomplete. */
  public static String paragraph(
      String regionName,
      RegionLevel level,
      LocalDate from,
      LocalDate to,
      Figures f,
      boolean complete) {
    String paragraph = paragraph(regionName, level, from, to, f);
    return complete ? paragraph : INCOMPLETE + "\n" + paragraph;
  }

  public static String paragraph(
      String regionName, RegionLevel level, LocalDate from, LocalDate to, Figures f) {
    String whole = whole(regionName, level);
    return since(from)
        + "，"
        + whole
        + "各级成立婚姻家庭辅导中心"
        + f.centers()
        + "个，吸纳"
        + backgrounds(f.volunteersByBackground())
        + "巾帼志愿者成员"
        + f.volunteers()
        + "名，开展各类婚前主题宣传培训活动"
        + f.outreachEvents()
        + "场。"
        + until(to)
        + "，服务"
        + whole
        + "有婚姻家庭关系及离婚调适辅导需求的夫妻"
        + f.counseled()
        + "对，辅导率"
        + percent(f.counselingRate())
        + "。通过辅导，当事人取消或暂缓离婚登记"
        + f.reconciled()
        + "对，劝和率"
        + percent(f.reconciliationRate())
        + "。";
  }

  static String whole(String name, RegionLevel level) {
    if (level == RegionLevel.PROVINCE) {
      return "全省";
    }
    if (level == RegionLevel.CITY) {
      return "全市";
    }
    if (name.endsWith("街道")) {
      return "全街道";
    }
    char last = name.isEmpty() ? ' ' : name.charAt(name.length() - 1);
    return switch (last) {
      case '县', '区', '市', '镇', '乡', '村' -> "全" + last;
      default -> name;
    };
  }

  static String since(LocalDate from) {
    if (from.getDayOfYear() == 1) {
      return from.getYear() + "年以来";
    }
    return day(from) + "以来";
  }

  static String until(LocalDate to) {
    if (to.equals(YearMonth.from(to).atEndOfMonth())) {
      return "截至" + to.getMonthValue() + "月底";
    }
    return "截至" + day(to);
  }

  private static String day(LocalDate d) {
    return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
  }

  /** The backgrounds that have volunteers, in their order: "妇联干部、律师……等". */
  private static String backgrounds(Map<Background, Long> counts) {
    List<String> present = new ArrayList<>();
    for (Background b : Background.values()) {
      if (counts.getOrDefault(b, 0L) > 0) {
        present.add(BACKGROUNDS.get(b));
      }
    }
    return present.isEmpty() ? "" : String.join("、", present) + "等";
  }

  private static String percent(BigDecimal rate) {
    return rate == null ? "—" : rate.toPlainString() + "%";
  }
}
