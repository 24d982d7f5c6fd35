package org.huhang.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.huhang.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A browser test: the application on its port, one headless Chromium per test class. */
abstract class BrowserTestBase extends IntegrationTest {

  static Playwright playwright;
  static Browser browser;

  @LocalServerPort int port;

  @BeforeAll
  static void startBrowser() {
    BrowserSupport.requireChromium();
    playwright = BrowserSupport.playwright();
    browser = BrowserSupport.chromium(playwright);
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.close();
      browser = null;
    }
    if (playwright != null) {
      playwright.close();
      playwright = null;
    }
  }

  BrowserContext chineseContext() {
    return browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN"));
  }

  /** A Chinese browser window as wide as a desktop (1366×800) or a phone (390×844). */
  BrowserContext chineseContext(int width) {
    return browser.newContext(
        new Browser.NewContextOptions()
            .setLocale("zh-CN")
            .setViewportSize(width, width > 500 ? 800 : 844));
  }

  /** The page does not scroll sideways: nothing is wider than the window. */
  static void assertFitsWidth(Page page) {
    Object fits =
        page.evaluate(
            "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth");
    org.assertj.core.api.Assertions.assertThat(fits)
        .as("%s scrolls sideways", page.url())
        .isEqualTo(true);
  }

  /** A whole-page screenshot under target/screenshots, to look at. */
  static void shoot(Page page, String name) {
    page.screenshot(
        new Page.ScreenshotOptions()
            .setFullPage(true)
            .setPath(java.nio.file.Path.of("target/screenshots/" + name + ".png")));
  }

  String url(String path) {
    return "http://localhost:" + port + path;
  }

  /** Logs in through the login page, as a person would. */
  void logIn(Page page, String username) {
    page.navigate(url("/login"));
    page.getByLabel("用户名").fill(username);
    page.getByLabel("密码").fill(DEMO_PASSWORD);
    page.locator("#login-submit").click();
  }
}
