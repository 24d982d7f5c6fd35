package org.huhang.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The city administrator finds the data keys page in the menu, on a desktop and on a phone. */
class KeysBrowserTest extends BrowserTestBase {

  @ParameterizedTest
  @ValueSource(ints = {1366, 390})
  void theCityAdministratorReadsTheKeyVersionsAndTheProgress(int width) {
    try (BrowserContext context = chineseContext(width)) {
      Page page = context.newPage();
      logIn(page, "admin");
      if (width < 768) {
        page.locator("button[data-bs-toggle='offcanvas']").click();
      }
      page.locator("#main-menu").getByText("数据密钥").first().click();
      assertThat(page.locator("h1")).hasText("数据密钥更换");
      assertThat(page.locator("#key-version-1")).containsText("当前使用");
      assertThat(page.locator("#keys-done")).containsText("版本 1");
      page.locator("#key-columns-details summary").click();
      assertThat(page.locator("#key-columns")).containsText("会谈记录");
      page.locator("#keys-run summary").click();
      assertThat(page.locator("#keys-run")).containsText("确定开始");
      assertFitsWidth(page);
      shoot(page, "keys-" + width);
    }
  }
}
