package org.huhang.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The city administrator writes a backup from the menu: the button says it is working and cannot be
 * pressed again meanwhile, a double click writes one backup, and the list shows it.
 */
class BackupBrowserTest extends BrowserTestBase {

  private BrowserContext context;
  private Page page;

  @org.springframework.beans.factory.annotation.Autowired
  org.huhang.shared.database.EmbeddedBackups backups;

  @BeforeEach
  void openPage() throws InterruptedException {
    // A backup another test (the endpoint probe) started in the background finishes first.
    for (int i = 0; i < 1200 && backups.progress().running(); i++) {
      Thread.sleep(100);
    }
    context = chineseContext();
    page = context.newPage();
  }

  @AfterEach
  void closePage() {
    context.close();
  }

  @Test
  void aDoubleClickWritesOneBackupThatTheListShows() {
    logIn(page, "admin");
    page.locator("#main-menu").getByText("数据备份").click();
    assertThat(page.locator("h1")).hasText("数据备份");
    int before = page.locator("#backup-list li").count();
    page.locator("#backup-run").dblclick();
    assertThat(page.locator("#backup-state .alert-success"))
        .containsText(
            "备份已写好",
            new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions()
                .setTimeout(60_000));
    assertThat(page.locator("#backup-list li")).hasCount(before + 1);
    assertThat(page.locator("#backup-list li").first()).containsText("所需数据密钥的指纹");
    page.screenshot(
        new Page.ScreenshotOptions()
            .setPath(java.nio.file.Path.of("target/screenshots/backups.png")));
  }
}
