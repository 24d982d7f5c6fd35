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
