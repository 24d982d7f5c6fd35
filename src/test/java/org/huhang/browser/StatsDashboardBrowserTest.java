package org.huhang.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.huhang.shared.LegalTime;
import org.junit.jupiter.api.Test;

/**
 * The city administrator opens the dashboard for 2018 to today on a desktop and on a phone: the
 * headline cards carry the API's numbers and rates as the API writes them, every chart is drawn,
 * the page fits the phone; it drills into 无棣县 from the table and sees that county's figures.
 */
class StatsDashboardBrowserTest extends BrowserTestBase {

  static final String[] CHARTS = {
    "chart-trend", "chart-regions", "chart-volunteers", "chart-events"
  };

  /** A figure of the API's summary as the API writes it (a rate keeps its two decimals). */
  static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\":([0-9.]+|null)").matcher(json);
    org.assertj.core.api.Assertions.assertThat(m.find()).as(name).isTrue();
    return m.group(1);
  }

  String api(BrowserContext context, String region, String from, String to) {
    APIResponse response =
        context
            .request()
            .get(
                url("/api/v1/stats/summary?region=" + region + "&from=" + from + "&to=" + to),
                com.microsoft.playwright.options.RequestOptions.create()
                    .setHeader(
                        "Authorization",
                        "Basic "
                            + java.util.Base64.getEncoder()
                                .encodeToString(
                                    ("admin:" + DEMO_PASSWORD)
                                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    org.assertj.core.api.Assertions.assertThat(response.status()).isEqualTo(200);
    return response.text();
  }

  static void assertCards(Page page, String json) {
    assertThat(page.locator("#stat-applications .stat-value")).hasText(field(json, "applications"));
    assertThat(page.locator("#stat-counseled .stat-value")).hasText(field(json, "counseled"));
    assertThat(page.locator("#stat-counseled .stat-rate"))
        .hasText(field(json, "counselingRate") + "%");
    assertThat(page.locator("#stat-reconciled .stat-value")).hasText(field(json, "reconciled"));
    assertThat(page.locator("#stat-reconciled .stat-rate"))
        .hasText(field(json, "reconciliationRate") + "%");
    assertThat(page.locator("#stat-highRisk .stat-value")).hasText(field(json, "highRisk"));
    assertThat(page.locator("#stat-volunteers .stat-value")).hasText(field(json, "volunteers"));
    assertThat(page.locator("#stat-events .stat-value")).hasText(field(json, "outreachEvents"));
    assertThat(page.locator("#stat-centers .stat-value"))
        .hasText(field(json, "centers") + " / " + field(json, "rooms"));
  }

  @Test
  void theCityAdministratorReadsTheDashboardAndDrillsIntoACounty() {
    String today = LocalDate.now(LegalTime.ZONE).toString();
    for (int width : new int[] {1366, 390}) {
      try (BrowserContext context = chineseContext(width)) {
        Page page = context.newPage();
        logIn(page, "admin");
        page.navigate(url("/stats?period=custom&from=2018-01-01&to=" + today));
        assertThat(page.locator("#stats-region")).hasText("滨州市");
        String city = api(context, "371600", "2018-01-01", today);
        // The rate as the API writes it: two decimals.
        org.assertj.core.api.Assertions.assertThat(field(city, "counselingRate"))
            .matches("\\d+\\.\\d{2}");
        assertCards(page, city);
        for (String chart : CHARTS) {
          assertThat(page.locator("#" + chart + " canvas").first()).isVisible();
        }
        assertThat(page.locator("#stats-table tbody tr")).hasCount(7);
        if (width < 500) {
          assertFitsWidth(page);
          // The window turns: the charts follow its width.
          page.setViewportSize(360, 740);
          page.waitForTimeout(300);
          assertFitsWidth(page);
        }
        shoot(page, "stats-city-" + width);

        page.locator("#stats-table a.stats-drill", new Page.LocatorOptions().setHasText("无棣县"))
            .click();
        assertThat(page.locator("#stats-region")).hasText("无棣县");
        assertThat(page.locator("#region")).hasValue("371623");
        assertCards(page, api(context, "371623", "2018-01-01", today));
        assertThat(page.locator("#chart-trend canvas").first()).isVisible();
        if (width < 500) {
          assertFitsWidth(page);
        }
        shoot(page, "stats-wudi-" + width);

        // A preset applies as soon as it is chosen; the custom dates hide meanwhile.
        assertThat(page.locator("#from")).isVisible();
        page.locator("#period").selectOption("since2018");
        assertThat(page).hasURL(Pattern.compile(".*period=since2018.*"));
        assertThat(page.locator("#stats-region")).hasText("无棣县");
        assertThat(page.locator("#stats-period")).containsText("2018-01-01");
        assertThat(page.locator("#from")).isHidden();
      }
    }
  }
}
