package org.huhang.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import org.huhang.volunteer.TestPeople;
import org.junit.jupiter.api.Test;

/**
 * A county administrator registers a volunteer, types a wrong identity number, reads why, fixes it,
 * and finds the volunteer again by the pinyin initials of her name.
 */
class VolunteerBrowserTest extends BrowserTestBase {

  @Test
  void registersAVolunteerAfterFixingTheIdNumberAndFindsHerByInitials() {
    try (BrowserContext context = chineseContext()) {
      Page page = context.newPage();
      logIn(page, "admin-371623");

      page.locator("#main-menu")
          .getByText("志愿者", new com.microsoft.playwright.Locator.GetByTextOptions().setExact(true))
          .click();
      page.locator("#new-volunteer").click();

      String id = TestPeople.womanId("371623");
      String wrong = id.substring(0, 17) + (id.charAt(17) == '1' ? '2' : '1');
      page.getByLabel("姓名").fill("欧阳慧敏");
      page.locator("#gender").selectOption("FEMALE");
      page.getByLabel("出生日期").fill(TestPeople.birthDateOf(id));
      page.getByLabel("身份证号").fill(wrong);
      page.getByLabel("手机号").fill("13905431234");
      page.locator("#background").selectOption("PSYCHOLOGICAL_COUNSELOR");
      page.locator("#centerId")
          .selectOption(
              new com.microsoft.playwright.options.SelectOption().setLabel("无棣县婚姻家庭辅导中心"));
      page.getByLabel("情绪危机干预").check();
      page.locator("#save-volunteer").click();

      assertThat(page.locator("[data-field=idNumber]")).hasText("身份证号校验位错误，请核对号码。");
      assertThat(page.getByLabel("姓名")).hasValue("欧阳慧敏");
      page.screenshot(
          new Page.ScreenshotOptions()
              .setPath(Path.of("target/screenshots/volunteer-id-error.png"))
              .setFullPage(true));

      page.getByLabel("身份证号").fill(id.toLowerCase());
      page.locator("#save-volunteer").click();
      assertThat(page.locator("#volunteer-name")).hasText("欧阳慧敏");
      assertThat(page.locator("#masked-id-number"))
          .hasText(id.substring(0, 6) + "********" + id.substring(14));

      page.locator("#main-menu")
          .getByText("志愿者", new com.microsoft.playwright.Locator.GetByTextOptions().setExact(true))
          .click();
      page.waitForFunction("() => window.htmx !== undefined");
      page.locator("#q").fill("oyhm");
      assertThat(page.locator("#volunteer-table")).containsText("欧阳慧敏");
      assertThat(page).hasURL(java.util.regex.Pattern.compile(".*q=oyhm.*"));
      page.screenshot(
          new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/volunteer-search.png")));
    }
  }
}
