package org.huhang.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The city administrator enters the holiday calendar from the year grid, on a desktop and on a
 * phone: marks a day off with its holiday's name, a weekend day as a moved working day, and makes a
 * day of a published year ordinary again through the confirmation that counts the applications
 * whose deadlines move. Each run leaves the year as it found it.
 */
class CalendarGridBrowserTest extends BrowserTestBase {

  private BrowserContext context;
  private Page page;

  @BeforeEach
  void openPage() {
    context = chineseContext();
    page = context.newPage();
  }

  @AfterEach
  void closePage() {
    context.close();
  }

  private void shoot(String name) {
    page.screenshot(
        new Page.ScreenshotOptions()
            .setFullPage(true)
            .setPath(Path.of("target/screenshots/" + name + ".png")));
    page.screenshot(
        new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/" + name + "-view.png")));
  }

  private Locator cell(String day) {
    return page.locator("#calendar-grid a[data-day='" + day + "']");
  }

  private void assertNoHorizontalOverflow() {
    assertFitsWidth(page);
  }

  /** 2026 is published; January's days touch no open application, so little moves meanwhile. */
  @ParameterizedTest
  @CsvSource({
    "1366, 800, desktop, 2026-01-12, 2026-01-10",
    "390, 844, phone, 2026-01-13, 2026-01-11"
  })
  void aDayIsEnteredFromTheYearGridAndAPublishedDayRemovedThroughItsConfirmation(
      int width, int height, String device, String weekday, String saturday) {
    page.setViewportSize(width, height);
    logIn(page, "admin");
    page.navigate(url("/calendar/2026"));
    page.waitForFunction("() => window.htmx !== undefined");
    assertThat(page.locator("#calendar-grid .cal-month")).hasCount(12);
    assertThat(page.locator("#month-1 thead th").allTextContents())
        .containsExactly("一", "二", "三", "四", "五", "六", "日");
    assertThat(page.locator("#calendar-legend")).containsText("调休上班");
    assertThat(page.locator("main")).not().containsText("2,026");
    // The notice's 元旦 is there at a glance: 休 in the cell, the name as its tooltip.
    assertThat(cell("2026-01-01")).hasAttribute("data-state", "OFF");
    assertThat(cell("2026-01-01")).containsText("休");
    assertThat(cell("2026-01-01").getAttribute("title")).contains("元旦");
    // Big enough to tap.
    assertThat(cell(weekday).boundingBox().height).isGreaterThanOrEqualTo(44);
    assertThat(cell(weekday).boundingBox().width).isGreaterThanOrEqualTo(36);
    assertNoHorizontalOverflow();
    shoot("calendar-grid-" + device);

    // A working day becomes a day off with its holiday's name.
    cell(weekday).click();
    assertThat(page.locator("#day-form h2")).containsText(weekday);
    // With htmx the form is swapped in place; the address still names the day.
    assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/calendar/2026\\?day=" + weekday));
    assertThat(page.locator("#day-kind-work")).hasCount(0);
    assertThat(page.locator("#day-kind-none")).isChecked();
    page.locator("#day-kind-off").check();
    page.locator("#day-name").fill("测试假日");
    shoot("calendar-grid-day-form-" + device);
    page.locator("#save-day").click();
    assertThat(page.locator("#calendar-notice")).containsText("已将 " + weekday + " 设为放假（测试假日）");
    assertThat(cell(weekday)).hasAttribute("data-state", "OFF");
    assertThat(cell(weekday)).containsText("休");
    assertThat(cell(weekday).getAttribute("title")).contains("测试假日");
    assertThat(page.locator("#calendar-days")).containsText(weekday);

    // A Saturday becomes a moved working day; without a name it is refused, naming what is missing.
    cell(saturday).click();
    page.locator("#day-kind-work").check();
    page.locator("#save-day").click();
    assertThat(page.locator("#day-form [data-field=name]")).containsText("请填写节日名称");
    page.locator("#day-name").fill("测试假日");
    page.locator("#save-day").click();
    assertThat(page.locator("#calendar-notice")).containsText("设为调休上班");
    assertThat(cell(saturday)).hasAttribute("data-state", "WORK");
    assertThat(cell(saturday)).containsText("班");
    assertNoHorizontalOverflow();
    shoot("calendar-grid-entered-" + device);

    // Made ordinary again: a published year asks first, naming how many applications move.
    for (String day : new String[] {weekday, saturday}) {
      cell(day).click();
      assertThat(page.locator("#day-kind-none")).not().isChecked();
      page.locator("#day-kind-none").check();
      page.locator("#save-day").click();
      assertThat(page.locator("#confirm-question")).containsText("删除 " + day + " 后，将重算 ");
      assertThat(page.locator("#confirm-question")).containsText(" 件申请的期限");
      if (day.equals(weekday)) {
        assertNoHorizontalOverflow();
        shoot("calendar-grid-remove-confirm-" + device);
      }
      page.locator("#confirm-yes").click();
      assertThat(page.locator("#calendar-notice")).containsText("已删除 " + day);
    }
    assertThat(cell(weekday)).hasAttribute("data-state", "WORKDAY");
    assertThat(cell(saturday)).hasAttribute("data-state", "WEEKEND");
    assertThat(page.locator("#calendar-days")).not().containsText(weekday);
    assertNoHorizontalOverflow();
  }
}
