package org.huhang.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.huhang.IntegrationTest;
import org.huhang.shared.Actor;
import org.huhang.shared.LegalTime;
import org.huhang.shared.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The dashboard page /stats: its cards and its table are the facade's figures for the same region
 * and period, to the digit; who may see it; bad input answered on the page; the home panel.
 */
class StatsPageIntegrationTest extends IntegrationTest {

  static final Actor CITY =
      new Actor(null, "admin", "x", Role.CITY_ADMIN, "371600", "滨州市", "/370000/371600/");

  @Autowired MockMvc mvc;
  @Autowired UserDetailsService accounts;
  @Autowired Reporting reporting;

  MockHttpServletRequestBuilder as(String username, MockHttpServletRequestBuilder request) {
    return request
        .with(user(accounts.loadUserByUsername(username)))
        .header("Accept-Language", "zh-CN");
  }

  String page(String username, String query) throws Exception {
    return mvc.perform(as(username, get("/stats" + query)))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
  }

  /** The text of the first element with this class inside the card {@code id}. */
  static String card(String html, String id, String cssClass) {
    int at = html.indexOf("id=\"stat-" + id + "\"");
    assertThat(at).as("card " + id).isPositive();
    Matcher m =
        Pattern.compile("class=\"[^\"]*\\b" + cssClass + "\\b[^\"]*\">([^<]*)<")
            .matcher(html.substring(at));
    assertThat(m.find()).as(cssClass + " of " + id).isTrue();
    return m.group(1).strip();
  }

  static String percent(BigDecimal rate) {
    return rate == null ? "—" : rate.toPlainString() + "%";
  }

  /**
   * The province's analyst (analyst-370000) reads the province: its figures are its cities' (here
   * Binzhou's alone), its table is by city, its work report speaks of 全省; nobody below the province
   * may ask for it (404, as for any region outside the scope).
   */
  @Test
  void theProvincesAnalystReadsTheProvinceByCity() throws Exception {
    LocalDate today = LocalDate.now(LegalTime.ZONE);
    LocalDate from = LocalDate.of(2018, 1, 1);
    Actor analyst =
        new Actor(null, "analyst-370000", "x", Role.ANALYST, "370000", "山东省", "/370000/");
    StatsSummary province = reporting.summary("370000", from, today, analyst);
    StatsSummary city = reporting.summary("371600", from, today, CITY);
    assertThat(province.level()).isEqualTo(org.huhang.region.RegionLevel.PROVINCE);
    assertThat(province.figures()).isEqualTo(city.figures());
    assertThat(province.byCounty()).extracting(RegionFigures::regionCode).containsExactly("371600");
    assertThat(province.byCounty().get(0).figures()).isEqualTo(city.figures());
    assertThat(reporting.regionChoices(analyst))
        .extracting(org.huhang.region.RegionView::code)
        .startsWith("370000", "371600");

    String html =
        page("analyst-370000", "?region=370000&period=custom&from=2018-01-01&to=" + today);
    assertThat(html).contains("各市数据").contains("各市对比").contains("全省").contains("滨州市");
    mvc.perform(as("admin", get("/stats?region=370000"))).andExpect(status().isNotFound());
    mvc.perform(as("analyst", get("/stats?region=370000"))).andExpect(status().isNotFound());
  }

  /**
   * A county's townships receive no applications (the county's office does): the table shows a row
   * for the county itself, so that its rows add up to the county's figures; the city has none.
   */
  @Test
  void aCountysTableHasARowForWhatItsOfficeReceivedItself() throws Exception {
    LocalDate today = LocalDate.now(LegalTime.ZONE);
    StatsSummary county = reporting.summary("371623", LocalDate.of(2018, 1, 1), today, CITY);
    assertThat(county.ownLevel()).isNotNull();
    long townships = county.byCounty().stream().mapToLong(r -> r.figures().applications()).sum();
    assertThat(townships + county.ownLevel().figures().applications())
        .isEqualTo(county.figures().applications());
    assertThat(county.ownLevel().regionCode()).isEqualTo("371623");
    String html = page("admin", "?region=371623&period=custom&from=2018-01-01&to=" + today);
    assertThat(html).contains("id=\"stats-own-level\"").contains("无棣县本级（登记处受理，未分到乡镇街道）");
    assertThat(reporting.summary("371600", LocalDate.of(2018, 1, 1), today, CITY).ownLevel())
        .isNull();
  }

  @Test
  void theCityAdministratorSeesTheFacadesFiguresToTheDigit() throws Exception {
    LocalDate today = LocalDate.now(LegalTime.ZONE);
    String html = page("admin", "?period=custom&from=2018-01-01&to=" + today);
    StatsSummary s = reporting.summary("371600", LocalDate.of(2018, 1, 1), today, CITY);
    Figures f = s.figures();
    assertThat(f.applications()).as("the demo data has applications").isPositive();
    assertThat(card(html, "applications", "stat-value")).isEqualTo(Long.toString(f.applications()));
    assertThat(card(html, "counseled", "stat-value")).isEqualTo(Long.toString(f.counseled()));
    assertThat(card(html, "counseled", "stat-rate")).isEqualTo(percent(f.counselingRate()));
    assertThat(card(html, "reconciled", "stat-value")).isEqualTo(Long.toString(f.reconciled()));
    assertThat(card(html, "reconciled", "stat-rate")).isEqualTo(percent(f.reconciliationRate()));
    assertThat(card(html, "highRisk", "stat-value")).isEqualTo(Long.toString(f.highRisk()));
    assertThat(card(html, "centers", "stat-value")).isEqualTo(f.centers() + " / " + f.rooms());
    assertThat(card(html, "volunteers", "stat-value")).isEqualTo(Long.toString(f.volunteers()));
    assertThat(card(html, "events", "stat-value")).isEqualTo(Long.toString(f.outreachEvents()));
    assertThat(card(html, "training", "stat-value")).isEqualTo(Long.toString(f.trainingCourses()));
    assertThat(html).contains("2018-01-01").contains(today.toString());

    // The table: a row per county, each with the facade's figures and a drill-down link.
    assertThat(s.byCounty()).hasSize(7);
    for (RegionFigures r : s.byCounty()) {
      Matcher row =
          Pattern.compile(
                  "<tr data-region=\""
                      + r.regionCode()
                      + "\">\\s*<th scope=\"row\"><a href=\"/stats\\?region="
                      + r.regionCode()
                      + "&amp;period=custom&amp;from=2018-01-01&amp;to="
                      + today
                      + "\" class=\"stats-drill\">"
                      + r.name()
                      + "</a></th>((?:\\s*<td[^>]*>[^<]*</td>){5})")
              .matcher(html);
      assertThat(row.find()).as("row of " + r.name()).isTrue();
      List<String> cells = new ArrayList<>();
      Matcher cell = Pattern.compile("<td[^>]*>([^<]*)</td>").matcher(row.group(1));
      while (cell.find()) {
        cells.add(cell.group(1));
      }
      assertThat(cells)
          .containsExactly(
              Long.toString(r.figures().applications()),
              Long.toString(r.figures().counseled()),
              percent(r.figures().counselingRate()),
              Long.toString(r.figures().reconciled()),
              percent(r.figures().reconciliationRate()));
    }
    // The charts' data travels in an attribute, read by the static script (no inline script).
    assertThat(html)
        .contains("data-charts=\"{")
        .contains("src=\"/webjars/echarts/dist/echarts.min.js\"")
        .contains("src=\"/js/dashboard.js\"")
        .doesNotContain("<script>")
        .doesNotContain(" style=\"");
  }

  @Test
  void theTableSortsOnTheServerSoItWorksWithoutScript() throws Exception {
    LocalDate today = LocalDate.now(LegalTime.ZONE);
    String html = page("admin", "?period=since2018&sort=applications&dir=desc");
    StatsSummary s = reporting.summary("371600", LocalDate.of(2018, 1, 1), today, CITY);
    List<String> expected =
        s.byCounty().stream()
            .sorted(
                java.util.Comparator.comparingLong((RegionFigures r) -> r.figures().applications())
                    .reversed())
            .map(RegionFigures::regionCode)
            .toList();
    List<String> shown = new ArrayList<>();
    Matcher m = Pattern.compile("<tr data-region=\"(\\d+)\">").matcher(html);
    while (m.find()) {
      shown.add(m.group(1));
    }
    assertThat(shown).isEqualTo(expected);
    assertThat(html).contains("aria-sort=\"descending\"");
  }

  @Test
  void aCountyDrillsDownAndTheAnalystSeesFiguresAndNoPerson() throws Exception {
    String county = page("admin", "?region=371623&period=since2018");
    assertThat(county).contains("id=\"stats-region\">无棣县<").contains("各乡镇（街道）");

    String analyst = page("analyst", "?period=since2018");
    assertThat(analyst).contains("id=\"stat-applications\"");
    // Figures only: no link to a record, no identity number, no phone number.
    assertThat(analyst)
        .doesNotContain("href=\"/registrations/")
        .doesNotContain("href=\"/cases/")
        .doesNotContainPattern("\\d{17}[\\dX]")
        .doesNotContainPattern("1[3-9]\\d{9}");
    // The own county admin gets its county and its townships.
    assertThat(page("admin-371623", "")).contains("id=\"stats-region\">无棣县<");
  }

  @Test
  void scopeAndRoles() throws Exception {
    mvc.perform(as("admin-371623", get("/stats?region=371681"))).andExpect(status().isNotFound());
    mvc.perform(as("admin-371623", get("/stats?region=371681&from=2023-02-30")))
        .andExpect(status().isNotFound());
    mvc.perform(as("registrar-371602", get("/stats"))).andExpect(status().isForbidden());
    mvc.perform(as("counselor-371623", get("/stats"))).andExpect(status().isForbidden());
    page("manager-371623", "");
  }

  @Test
  void badInputIsAnsweredOnThePageNamingTheField() throws Exception {
    String malformed = page("admin", "?period=custom&from=2023-02-30&to=2023-09-30");
    assertThat(malformed)
        .contains("data-field=\"from\"")
        .contains("开始日期 from 应为存在的日期")
        .doesNotContain("id=\"stat-applications\"");
    String reversed = page("admin", "?period=custom&from=2023-09-30&to=2023-01-01");
    assertThat(reversed).contains("data-field=\"from\"").contains("不能晚于截止日期");
    String early = page("admin", "?period=custom&from=1800-01-01&to=2023-01-01");
    assertThat(early).contains("data-field=\"from\"").contains("不能早于");
    String period = page("admin", "?period=decade");
    assertThat(period).contains("data-field=\"period\"").contains("统计期间无效");
  }

  @Test
  void theHomePageShowsThisYearsFiguresToAnalystsAndAdministratorsOnly() throws Exception {
    for (String reader : List.of("analyst", "admin", "admin-371681")) {
      String home = home(reader);
      assertThat(home).as(reader).contains("今年统计").contains("href=\"/stats\"");
    }
    StatsSummary year = reporting.summary(null, null, null, CITY);
    assertThat(home("admin")).contains(Long.toString(year.figures().applications()));
    for (String other : List.of("registrar-371602", "counselor-371623")) {
      String home = home(other);
      assertThat(home).as(other).doesNotContain("今年统计").doesNotContain("href=\"/stats\"");
    }
  }

  String home(String username) throws Exception {
    return mvc.perform(as(username, get("/")))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
  }
}
