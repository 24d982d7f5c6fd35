package org.huhang.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.huhang.casework.ReferralQueueIntegrationTest;
import org.huhang.registration.DivorceApplications;
import org.huhang.registration.TestCouples;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/** The 无棣 center manager finds a couple in its referral queue and opens its case. */
class ReferralBrowserTest extends BrowserTestBase {

  @Autowired DivorceApplications applications;
  @Autowired java.time.Clock clock;

  @ParameterizedTest
  @ValueSource(ints = {1366, 390})
  void aCenterManagerAcceptsAReferralIntoACaseAtItsCenter(int width) {
    String year = width > 500 ? "1978" : "1979";
    String him = width > 500 ? "皇甫明" : "皇甫亮";
    applications.record(
        TestCouples.couple(
            "371623",
            him,
            year + "-02-02",
            "尉迟芳",
            year + "-05-05",
            java.time.LocalDate.now(clock).minusDays(1),
            true,
            true),
        ReferralQueueIntegrationTest.WUDI_REGISTRAR);
    try (BrowserContext context = chineseContext(width)) {
      Page page = context.newPage();
      logIn(page, "manager-371623");
      if (width < 768) {
        // On a phone the menu opens from the ☰ button.
        page.locator("button[data-bs-toggle='offcanvas']").click();
      }
      page.locator("#main-menu").getByText("待建案").first().click();
      var row = page.locator("#referral-queue tr", new Page.LocatorOptions().setHasText(him));
      for (int i = 0; i < 50 && row.count() == 0; i++) {
        // The referral arrives by event, a moment after the application is saved.
        page.waitForTimeout(200);
        page.reload();
      }
      assertThat(row).containsText(him + " · 尉迟芳");
      assertThat(row).containsText("本县待分配");
      assertFitsWidth(page);
      shoot(page, "referral-queue-" + width);
      row.getByText("处理").click();
      assertThat(page.locator("h1")).containsText(him + " · 尉迟芳");
      assertFitsWidth(page);
      shoot(page, "referral-" + width);
      page.locator("#accept-referral").click();
      // The manager lands on the new case, to go on with its team.
      assertThat(page.locator("#case-notice"))
          .containsText("已为 " + him + " · 尉迟芳 建立辅导案件（无棣县婚姻家庭辅导中心）。");
      assertThat(page.locator("#case-title")).containsText(him + " · 尉迟芳");
      assertFitsWidth(page);
      shoot(page, "case-opened-" + width);
      page.navigate(page.url().replaceAll("/cases/.*", "/referrals"));
      assertThat(page.locator("#referral-queue")).not().containsText(him + " · 尉迟芳");
    }
  }
}
