package org.huhang.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 9, point 10: every page of the menu, for several roles, runs under the
 * Content-Security-Policy without a single violation (no inline script, no inline style, htmx and
 * Bootstrap from the webjars), including an htmx swap.
 */
class ContentSecurityPolicyBrowserTest extends BrowserTestBase {

  private BrowserContext context;
  private Page page;
  private final List<String> violations = new ArrayList<>();

  @BeforeEach
  void openPage() {
    context = chineseContext();
    // Registered before any page script runs; not itself subject to the page's policy.
    context.addInitScript(
        "document.addEventListener('securitypolicyviolation', e => {"
            + " (window.__csp = window.__csp || []).push(e.violatedDirective + ' ' + e.blockedURI);"
            + " console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI); });");
    page = context.newPage();
    page.onConsoleMessage(
        m -> {
          if (m.text().contains("Content Security Policy")
              || m.text().startsWith("CSP violation")) {
            violations.add(page.url() + " → " + m.text());
          }
        });
    page.onPageError(e -> violations.add(page.url() + " → page error " + e));
  }

  @AfterEach
  void closePage() {
    context.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"admin", "registrar-371602", "manager-371623", "counselor-371623"})
  void theMenuPagesRunWithoutAViolation(String username) {
    page.navigate(url("/login"));
    page.waitForLoadState();
    logIn(page, username);
    page.waitForFunction("() => window.htmx !== undefined");
    Set<String> paths = new LinkedHashSet<>();
    paths.add("/");
    paths.add("/account/password");
    for (Object href :
        (List<?>)
            page.evalOnSelectorAll(
                "#main-menu a[href]", "links => links.map(a => a.getAttribute('href'))")) {
      String path = String.valueOf(href);
      if (path.startsWith("/")) {
        paths.add(path);
      }
    }
    assertThat(paths).contains("/", "/account/password");
    for (String path : paths) {
      page.navigate(url(path));
      page.waitForLoadState();
      page.waitForFunction("() => window.htmx !== undefined");
    }
    // An htmx swap: the user list (or any search form) reloaded in place.
    if (paths.contains("/volunteers")) {
      page.navigate(url("/volunteers"));
      page.waitForFunction("() => window.htmx !== undefined");
      page.locator("input[name=q]").first().fill("张");
      page.waitForTimeout(800);
    }
    page.navigate(url("/no-such-page"));
    page.waitForLoadState();
    Object recorded = page.evaluate("() => window.__csp || []");
    assertThat(violations).as("CSP violations and page errors").isEmpty();
    assertThat((List<?>) recorded).isEmpty();
  }
}
