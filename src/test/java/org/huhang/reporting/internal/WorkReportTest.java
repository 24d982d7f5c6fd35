package org.huhang.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.huhang.casework.CaseCounts;
import org.huhang.center.CenterCount;
import org.huhang.center.CenterKind;
import org.huhang.outreach.EventCount;
import org.huhang.outreach.OutreachType;
import org.huhang.region.RegionLevel;
import org.huhang.reporting.Figures;
import org.huhang.volunteer.Background;
import org.huhang.volunteer.VolunteerCount;
import org.junit.jupiter.api.Test;

class WorkReportTest {

  /** The source's figures: 7 centers, 447 volunteers, 492 events, 28978 of 43946, 17206. */
  static Figures sources() {
    Map<Background, Long> backgrounds = new EnumMap<>(Background.class);
    long[] split = {120, 60, 70, 50, 67, 80};
    for (Background b : Background.values()) {
      backgrounds.put(b, split[b.ordinal()]);
    }
    return new Figures(
        43946,
        28978,
        17206,
        0,
        Rates.percent(28978, 43946),
        Rates.percent(17206, 43946),
        null,
        null,
        null,
        7,
        40,
        447,
        backgrounds,
        492,
        Map.of(),
        0,
        0,
        0,
        Map.of(),
        Map.of(),
        0,
        0,
        Map.of());
  }

  @Test
  void theCitysParagraphReadsAsTheSource() {
    String text =
        WorkReport.paragraph(
            "滨州市",
            RegionLevel.CITY,
            LocalDate.of(2018, 1, 1),
            LocalDate.of(2023, 9, 30),
            sources());
    assertThat(text)
        .isEqualTo(
            "2018年以来，全市各级成立婚姻家庭辅导中心7个，吸纳妇联干部、律师、心理咨询师、社工、婚姻家庭指导师、爱心人士等"
                + "巾帼志愿者成员447名，开展各类婚前主题宣传培训活动492场。截至9月底，服务全市有婚姻家庭关系及离婚调适辅导需求的夫妻"
                + "28978对，辅导率65.94%。通过辅导，当事人取消或暂缓离婚登记17206对，劝和率39.15%。");
  }

  @Test
  void aCountyIsNamedByItsLastCharacter() {
    assertThat(WorkReport.whole("无棣县", RegionLevel.COUNTY)).isEqualTo("全县");
    assertThat(WorkReport.whole("滨城区", RegionLevel.COUNTY)).isEqualTo("全区");
    assertThat(WorkReport.whole("邹平市", RegionLevel.COUNTY)).isEqualTo("全市");
    assertThat(WorkReport.whole("山东省", RegionLevel.PROVINCE)).isEqualTo("全省");
    assertThat(WorkReport.whole("滨州市", RegionLevel.CITY)).isEqualTo("全市");
    assertThat(WorkReport.whole("车王镇", RegionLevel.TOWNSHIP)).isEqualTo("全镇");
    assertThat(WorkReport.whole("市中街道", RegionLevel.TOWNSHIP)).isEqualTo("全街道");
  }

  @Test
  void aPeriodNotOnMonthBoundariesReadsAsExactDays() {
    assertThat(WorkReport.since(LocalDate.of(2021, 3, 5))).isEqualTo("2021年3月5日以来");
    assertThat(WorkReport.until(LocalDate.of(2023, 9, 15))).isEqualTo("截至2023年9月15日");
    assertThat(WorkReport.until(LocalDate.of(2024, 2, 29))).isEqualTo("截至2月底");
    assertThat(WorkReport.until(LocalDate.of(2023, 2, 28))).isEqualTo("截至2月底");
  }

  @Test
  void aCountyWithoutApplicationsHasNoRateAndOnlyTheBackgroundsItHas() {
    FigureRows rows =
        new FigureRows(
            List.of(),
            Map.of(),
            List.of(),
            List.of(new CenterCount("/370000/371600/371623/", CenterKind.CENTER, 1)),
            List.of(new VolunteerCount("/370000/371600/371623/", Background.LAWYER, 3)),
            List.of(
                new EventCount(
                    "/370000/371600/371623/",
                    java.time.YearMonth.of(2023, 5),
                    OutreachType.PREMARITAL_EDUCATION,
                    2)),
            List.of(),
            new CaseCounts(List.of(), List.of(), List.of()));
    String text =
        WorkReport.paragraph(
            "无棣县",
            RegionLevel.COUNTY,
            LocalDate.of(2023, 1, 1),
            LocalDate.of(2023, 6, 30),
            FigureTally.of(rows, "/370000/371600/371623/"));
    assertThat(text)
        .isEqualTo(
            "2023年以来，全县各级成立婚姻家庭辅导中心1个，吸纳律师等巾帼志愿者成员3名，开展各类婚前主题宣传培训活动2场。"
                + "截至6月底，服务全县有婚姻家庭关系及离婚调适辅导需求的夫妻0对，辅导率—。通过辅导，当事人取消或暂缓离婚登记0对，"
                + "劝和率—。");
  }
}
