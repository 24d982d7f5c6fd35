package org.huhang.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.time.LocalDateTime;
import java.util.UUID;
import org.huhang.casework.PartyRole;
import org.huhang.casework.TestCases;
import org.huhang.casework.internal.CaseFile;
import org.huhang.shared.LegalTime;
import org.huhang.shared.person.PersonalDataProtector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The counselor schedules a session of its case, writes it on the six-step form after it began,
 * sees it on the timeline and on its calendar: at desktop width and on a phone.
 */
class CaseSessionsBrowserTest extends BrowserTestBase {

  @Autowired CaseFile cases;
  @Autowired JdbcClient jdbc;
  @Autowired UserDetailsService users;
  @Autowired PersonalDataProtector protector;

  @ParameterizedTest
  @ValueSource(ints = {1366, 390})
  void aCounselorSchedulesASessionAndWritesItOnTheSixStepForm(int width) {
    TestCases fixtures = new TestCases(cases, jdbc, users, protector);
    String him = width > 500 ? "东方白" : "东方明";
    UUID caze = fixtures.couple(him, "西门月", true);
    fixtures.consented(caze, PartyRole.A);
    fixtures.screened(caze, PartyRole.A, org.huhang.casework.Risk.LOW);
    fixtures.screened(caze, PartyRole.B, org.huhang.casework.Risk.LOW);
    // An hour ago, but today: the calendar's week must hold it even just after midnight.
    LocalDateTime now = LocalDateTime.now(LegalTime.ZONE).withSecond(0).withNano(0);
    LocalDateTime began = now.getHour() >= 1 ? now.minusHours(1) : now.toLocalDate().atStartOfDay();
    try (BrowserContext context = chineseContext(width)) {
      Page page = context.newPage();
      logIn(page, "counselor-371623");
      page.navigate(url("/cases/" + caze + "/sessions"));
      assertThat(page.locator("#sessions-none")).isVisible();
      assertThat(page.locator("#attendees-both-hint")).containsText("共同会谈须双方都已单独完成安全评估");
      assertFitsWidth(page);
      shoot(page, "sessions-" + width);
      page.locator("#scheduledAt").fill(began.toString());
      page.locator("#place").fill("中心二号辅导室");
      page.locator("#attendees-A").check();
      page.locator("#schedule-session").click();
      assertThat(page.locator("#session-notice")).containsText("已安排会谈");

      page.locator("#partyA-beliefSystem").fill("男人应该挣钱养家，妻子应该听丈夫的。");
      page.locator("#partyA-thinkingAngle").fill("觉得妻子嫌他挣得少。");
      page.locator("#partyA-emotionalFeelings").fill("委屈、丢面子。");
      page.locator("#partyA-behaviour").fill("不说话，回家很晚。");
      page.locator("#partyA-result").fill("妻子提出离婚。");
      page.locator("#partyA-conclusion").fill("愿意先听听妻子的想法。");
      page.locator("#agreedActions").fill("本周两人各写下对家庭开支的期望。");
      assertFitsWidth(page);
      shoot(page, "session-form-" + width);
      page.locator("#save-notes").click();
      assertThat(page.locator("#session-notice")).containsText("会谈记录已保存");
      assertThat(page.locator("#session-status")).hasText("已会谈");
      assertThat(page.locator("#notes-lock-info")).containsText("锁定");
      assertThat(page.locator("#partyA-beliefSystem")).hasValue("男人应该挣钱养家，妻子应该听丈夫的。");
      assertFitsWidth(page);

      page.navigate(url("/cases/" + caze));
      assertThat(page.locator("body")).containsText("会谈记录已保存（当事人甲单独会谈）");
      assertThat(page.locator("#case-status")).hasText("辅导中");

      if (width < 768) {
        page.navigate(url("/"));
        page.locator("button[data-bs-toggle='offcanvas']").click();
      }
      page.locator("#main-menu").getByText("会谈日程").first().click();
      assertThat(page.locator("#calendar-days")).containsText(him + " · 西门月");
      assertFitsWidth(page);
      shoot(page, "session-calendar-" + width);
    }
  }
}
