package org.huhang.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Chromium driven by Playwright, headless, with nothing downloaded: the browser is the one
 * {@code .ci/run} installs with apt.
 */
public final class BrowserSupport {

  public static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  private static final AtomicBoolean TOLD = new AtomicBoolean();

  private BrowserSupport() {}

  /**
   * Skips the calling test class when Chromium is not installed, saying once why and how to enable
   * the browser tests; fails instead where they must run (CI=true, or
   * HUHANG_BROWSER_TESTS=required), so that CI never skips them.
   */
  public static void requireChromium() {
    if (Files.isExecutable(CHROMIUM)) {
      return;
    }
    boolean required =
        "true".equalsIgnoreCase(System.getenv("CI"))
            || "required".equalsIgnoreCase(System.getenv("HUHANG_BROWSER_TESTS"));
    String why =
        "Browser tests need " + CHROMIUM + ", which is not installed: apt-get install -y chromium";
    if (required) {
      throw new IllegalStateException(why + " (CI=true or HUHANG_BROWSER_TESTS=required)");
    }
    if (TOLD.compareAndSet(false, true)) {
      System.out.println("[browser tests skipped] " + why + " to run them.");
    }
    Assumptions.abort(why);
  }

  public static Playwright playwright() {
    return Playwright.create(
        new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
  }

  public static Browser chromium(Playwright playwright) {
    return playwright
        .chromium()
        .launch(
            new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(
                    List.of(
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync")));
  }
}
