package org.huhang.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A county administrator logs in, sees its county and nothing else, and switches to English. */
class FoundationBrowserTest extends BrowserTestBase {

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

  @Test
  void aCountyAdministratorSeesItsCountyOnlyAndSwitchesToEnglish() {
    page.navigate(url("/"));
    assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login$"));
    page.getByLabel("用户名").fill("admin-371623");
    page.getByLabel("密码").fill(DEMO_PASSWORD);
    page.locator("#login-submit").click();

    assertThat(page.locator("#current-region")).hasText("无棣县");
    assertThat(page.locator("#main-menu")).containsText("行政区划");
    assertThat(page.locator("#main-menu")).not().containsText("审计日志");

    page.locator("#main-menu").getByText("行政区划").click();
    assertThat(page.locator("#region-trail")).hasText("无棣县");
    String tree = page.locator("main").innerText();
    for (String other : new String[] {"滨州市", "滨城区", "沾化区", "惠民县", "阳信县", "博兴县", "邹平市"}) {
      assertThat(tree).doesNotContain(other);
    }

    page.screenshot(
        new Page.ScreenshotOptions()
            .setPath(java.nio.file.Path.of("target/screenshots/regions-zh.png")));
    page.setViewportSize(390, 844);
    page.screenshot(
        new Page.ScreenshotOptions()
            .setPath(java.nio.file.Path.of("target/screenshots/regions-phone.png")));
    page.setViewportSize(1280, 720);

    page.locator("#lang-en").click();
    assertThat(page.locator("h1")).hasText("Regions");
    assertThat(page.locator("#main-menu")).containsText("Users");
    assertThat(
            page.getByRole(
                com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Log out")))
        .isVisible();
  }

  @Test
  void anAdministratorAddsATownshipWithoutLeavingThePage() {
    logIn(page, "admin-371623");
    page.navigate(url("/regions"));
    page.waitForFunction("() => window.htmx !== undefined");

    page.locator("#region-code").fill("37162");
    page.locator("#region-name").fill("信阳镇");
    page.locator("#region-form button[type=submit]").click();
    assertThat(page.locator("[data-field=code]")).containsText("9 位数字");

    page.locator("#region-code").fill("371623104");
    page.locator("#region-form button[type=submit]").click();
    assertThat(page.locator("#region-children")).containsText("信阳镇");
    assertThat(page.locator("#region-code")).hasValue("");
  }
}
