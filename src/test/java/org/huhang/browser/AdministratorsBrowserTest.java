package org.huhang.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The city administrator enters a holiday year day by day, removes a day and publishes the year,
 * each through its confirmation; and filters the audit trail by an action named in Chinese.
 */
class AdministratorsBrowserTest extends BrowserTestBase {

  private BrowserContext context;
  private Page page;

  @BeforeEach
  void openPage() {
    context = chineseContext();
    page = context.newPage();
    page.setViewportSize(1366, 800);
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
  }

  private void shootBothWidths(String name) {
    shoot(name);
    page.setViewportSize(390, 844);
    shoot(name + "-phone");
    page.setViewportSize(1366, 800);
  }

  private Locator row(int n) {
    return page.locator("#calendar-entries tbody tr").nth(n - 1);
  }

  @Test
  void theCalendarIsEnteredAsAListAndEveryIrreversibleStepIsConfirmed() {
    logIn(page, "admin");
    page.navigate(url("/calendar"));
    page.locator("#year").fill("2028");
    page.locator("form[action='/calendar'] button[type=submit]").click();
    assertThat(page.locator("h1")).containsText("2028年节假日安排");
    assertThat(page.locator("main")).not().containsText("2,028");

    row(1).locator("input[name=day]").fill("2028-01-01");
    row(1).locator("select[name=kind]").selectOption(new SelectOption().setLabel("放假"));
    row(1).locator("input[name=name]").fill("元旦");
    // 2028-01-03 is a Monday: it cannot be a moved working day.
    row(2).locator("input[name=day]").fill("2028-01-03");
    row(2).locator("select[name=kind]").selectOption(new SelectOption().setLabel("上班"));
    row(2).locator("input[name=name]").fill("元旦");
    row(3).locator("input[name=day]").fill("2028-01-02");
    row(3).locator("input[name=name]").fill("元旦");
    page.locator("#save-entries").click();
    assertThat(page.locator("[data-field=entry]")).hasCount(2);
    assertThat(page.locator("[data-field=entry]").first()).containsText("第 2 行：2028-01-03 不是周六或周日");
    assertThat(page.locator("[data-field=entry]").nth(1)).containsText("第 3 行：请选择放假或上班");
    // What was typed stays.
    assertThat(row(1).locator("input[name=name]")).hasValue("元旦");
    shootBothWidths("calendar-entries-refused");

    row(2).locator("input[name=day]").fill("2028-01-08");
    row(3).locator("select[name=kind]").selectOption(new SelectOption().setLabel("放假"));
    page.locator("#save-entries").click();
    assertThat(page.locator("#calendar-notice")).hasText("已保存 3 天。");
    assertThat(page.locator("#calendar-days")).containsText("2028-01-08");
    assertThat(page.locator("#calendar-days")).containsText("调休上班");

    page.locator("#calendar-days tr", new Page.LocatorOptions().setHasText("2028-01-08"))
        .getByText("删除")
        .click();
    assertThat(page.locator("#confirm-question")).hasText("删除 2028-01-08 后，将重算 0 件申请的期限。确定删除吗？");
    shootBothWidths("calendar-remove-confirm");
    page.locator("#confirm-yes").click();
    assertThat(page.locator("#calendar-notice")).hasText("已删除 2028-01-08，0 件申请的期限已调整。");
    assertThat(page.locator("#calendar-days")).not().containsText("2028-01-08");

    page.locator("#publish-year").click();
    assertThat(page.locator("#confirm-question")).containsText("发布2028年节假日安排后，将重算 ");
    assertThat(page.locator("#confirm-question")).containsText(" 件申请的期限");
    shootBothWidths("calendar-publish-confirm");
    page.locator("#confirm-yes").click();
    assertThat(page.locator("#calendar-notice")).containsText("2028年节假日安排已发布");
    assertThat(page.locator("h1")).containsText("已发布");
    shootBothWidths("calendar-published");

    page.navigate(url("/calendar"));
    assertThat(page.locator("#calendar-years")).containsText("2028");
    assertThat(page.locator("main")).not().containsText("2,0");
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(ints = {1366, 390})
  void theAuditTrailIsFilteredByAnActionNamedInChinese(int width) {
    page.setViewportSize(width, width > 500 ? 800 : 844);
    logIn(page, "admin");
    page.navigate(url("/audit"));
    page.waitForFunction("() => window.htmx !== undefined");
    Locator actions = page.locator("#action option");
    assertThat(actions.allTextContents()).contains("全部操作", "登录", "撤回离婚登记申请", "发布节假日安排");
    assertThat(actions.allTextContents()).doesNotContain("application.withdraw");

    page.locator("#action").selectOption(new SelectOption().setLabel("登录"));
    page.locator("form[action='/audit'] button[type=submit]").click();
    assertThat(page.locator("#audit-table tbody tr").first()).containsText("登录");
    assertThat(page.locator("#audit-table tbody tr").first()).containsText("账号");
    assertThat(page.locator("#audit-table tbody tr").first()).containsText("成功");
    assertThat(page.locator("#audit-table")).not().containsText("login");
    Locator object = page.locator("#audit-table tbody tr").first().locator("a[title]");
    assertThat(object.getAttribute("title")).hasSize(36);
    assertThat(object.textContent()).hasSize(8);
    assertThat(page.locator("#audit-export"))
        .hasAttribute("href", java.util.regex.Pattern.compile(".*action=login.*"));
    assertFitsWidth(page);
    shoot("audit-filtered-" + width);
  }
}
