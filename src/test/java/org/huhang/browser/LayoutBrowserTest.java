package org.huhang.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every list page fits a phone: nothing scrolls sideways, no table is wider than its column unless
 * it scrolls inside a .table-responsive, and no cell is so narrow that a name stands one character
 * per line. The same pages render at desktop width. Screenshots of both go to target/screenshots/.
 */
class LayoutBrowserTest extends BrowserTestBase {

  private static final List<String> PAGES =
      List.of(
          "/",
          "/centers",
          "/volunteers",
          "/registrations",
          "/registrations/board",
          "/users",
          "/audit",
          "/regions");

  /** Lists (path, table id) whose first entry's detail page is looked at too. */
  private static final List<List<String>> DETAILS =
      List.of(
          List.of("/centers", "center-table"),
          List.of("/volunteers", "volunteer-table"),
          List.of("/registrations", "application-table"),
          List.of("/users", "user-table"));

  /** Problems of the page as shown: sideways scrolling, overwide tables, one-character cells. */
  private static final String LAYOUT_PROBLEMS =
      """
      () => {
        const problems = [];
        const root = document.documentElement;
        if (root.scrollWidth > root.clientWidth) {
          problems.push('page scrolls sideways: ' + root.scrollWidth + ' > ' + root.clientWidth);
        }
        for (const table of document.querySelectorAll('table')) {
          if (table.offsetParent === null) continue;
          const label = table.id || table.closest('[id]')?.id || 'table';
          if (!table.closest('.table-responsive')
              && table.getBoundingClientRect().width > table.parentElement.clientWidth + 1) {
            problems.push(label + ' is wider than its container');
          }
          for (const cell of table.querySelectorAll('td, th')) {
            if (cell.offsetParent === null || cell.colSpan > 1) continue;
            // A card list hides its header row for screen readers only (1 px, clipped).
            if (cell.closest('thead')?.getBoundingClientRect().width <= 1) continue;
            const text = cell.innerText.trim();
            if (text.length < 2) continue;
            const style = getComputedStyle(cell);
            const inner = cell.clientWidth - parseFloat(style.paddingLeft)
                - parseFloat(style.paddingRight);
            if (inner < 2 * parseFloat(style.fontSize)) {
              problems.push(label + ': "' + text.slice(0, 12) + '" stands one character per line');
            }
          }
        }
        return problems;
      }
      """;

  @ParameterizedTest
  @ValueSource(strings = {"admin", "registrar-371602"})
  void everyPageFitsAPhoneAndRendersOnADesktop(String username) {
    try (BrowserContext context = chineseContext()) {
      Page page = context.newPage();
      page.setViewportSize(390, 844);
      logIn(page, username);
      for (String path : PAGES) {
        Response response = page.navigate(url(path));
        List<?> problems = (List<?>) page.evaluate(LAYOUT_PROBLEMS);
        assertThat(problems).as("%s at 390 px as %s", path, username).isEmpty();
        page.screenshot(new Page.ScreenshotOptions().setPath(shot(username, path, "phone")));
        if (username.equals("admin")) {
          assertThat(response.status()).as(path).isEqualTo(200);
        }
      }

      for (List<String> list : DETAILS) {
        page.navigate(url(list.get(0)));
        if (page.locator("#" + list.get(1) + " tbody a").count() == 0) {
          continue;
        }
        page.locator("#" + list.get(1) + " tbody a").first().click();
        page.waitForLoadState();
        List<?> problems = (List<?>) page.evaluate(LAYOUT_PROBLEMS);
        assertThat(problems).as("%s at 390 px as %s", page.url(), username).isEmpty();
        page.screenshot(
            new Page.ScreenshotOptions().setPath(shot(username, list.get(0) + "-detail", "phone")));
      }

      page.setViewportSize(1366, 800);
      for (String path : PAGES) {
        Response response = page.navigate(url(path));
        assertThat(response.status()).as(path).isIn(200, 403);
        assertThat(page.locator("main h1").first()).isVisible();
        List<?> problems = (List<?>) page.evaluate(LAYOUT_PROBLEMS);
        assertThat(problems).as("%s at 1366 px as %s", path, username).isEmpty();
        page.screenshot(new Page.ScreenshotOptions().setPath(shot(username, path, "desktop")));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {390, 1366})
  void theHeaderFitsAndTheKeyboardSkipsToTheContent(int width) {
    try (BrowserContext context = chineseContext()) {
      Page page = context.newPage();
      page.setViewportSize(width, 800);
      logIn(page, "registrar-371602");
      page.navigate(url("/registrations"));
      boolean phone = width < 768;

      assertThat(page.locator("#current-region")).isVisible();
      assertThat(page.locator("#current-user").isVisible()).isEqualTo(!phone);
      assertThat(page.locator("#lang-toggle").isVisible()).isEqualTo(phone);
      assertThat(page.locator("#lang-en").isVisible()).isEqualTo(!phone);
      assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("退出登录")))
          .isVisible();
      Object headerHeight =
          page.evaluate("() => document.querySelector('header').getBoundingClientRect().height");
      assertThat(((Number) headerHeight).doubleValue()).as("one header line").isLessThan(70);

      page.keyboard().press("Tab");
      assertThat(page.locator("#skip-link")).isFocused();
      assertThat(page.locator("#skip-link")).isVisible();
      assertThat(page.locator("#skip-link")).hasText("跳到正文");
      page.screenshot(
          new Page.ScreenshotOptions()
              .setPath(Path.of("target/screenshots/skip-link-" + width + ".png")));
      page.keyboard().press("Enter");
      assertThat(page.locator("#main-content")).isFocused();

      page.locator("#skip-link").focus();
      page.keyboard().press("Tab");
      page.keyboard().press("Tab");
      Object outline =
          page.evaluate(
              "() => { const e = document.activeElement;"
                  + " return e.closest('header') ? getComputedStyle(e).outlineStyle : 'not in header'; }");
      assertThat(outline).as("focus ring on the header button").isEqualTo("solid");
      page.screenshot(
          new Page.ScreenshotOptions()
              .setPath(Path.of("target/screenshots/header-focus-" + width + ".png")));

      if (phone) {
        page.locator("#lang-toggle").click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("English")).click();
        assertThat(page.locator("#lang-toggle")).hasText("EN");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log out")))
            .isVisible();
        page.screenshot(
            new Page.ScreenshotOptions()
                .setPath(Path.of("target/screenshots/header-phone-en.png")));
      }
    }
  }

  private static Path shot(String username, String path, String width) {
    String name = path.equals("/") ? "home" : path.substring(1).replace('/', '-');
    return Path.of("target/screenshots/layout-" + username + "-" + name + "-" + width + ".png");
  }
}
