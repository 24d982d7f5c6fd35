package org.huhang.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.LocalDateTime;
import java.util.List;
import org.huhang.casework.ReferralQueueIntegrationTest;
import org.huhang.registration.DivorceApplications;
import org.huhang.registration.TestCouples;
import org.huhang.shared.LegalTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A couple's whole way through casework, as the two people who work it: the 无棣 center manager
 * accepts the referral and assigns the proposed team; the counselor records each spouse's consent,
 * screens each alone, holds a joint session, writes it on the six-step form, and finds it all on
 * the case's timeline. At desktop width and on a phone.
 */
class CaseworkJourneyBrowserTest extends BrowserTestBase {

  static final List<String> QUESTIONS =
      List.of(
          "physicalViolence",
          "threatToKill",
          "strangulation",
          "weapon",
          "escalation",
          "controlling",
          "fear",
          "childrenExposed",
          "protectiveOrder");

  @Autowired DivorceApplications applications;
  @Autowired JdbcClient jdbc;
  @Autowired java.time.Clock clock;

  @ParameterizedTest
  @ValueSource(ints = {1366, 390})
  void fromReferralToAWrittenSession(int width) {
    String him = width > 500 ? "令狐冲远" : "令狐冲近";
    String her = width > 500 ? "任盈盈" : "任莹莹";
    String year = width > 500 ? "1982" : "1983";
    applications.record(
        TestCouples.couple(
            "371623",
            him,
            year + "-06-06",
            her,
            year + "-07-07",
            java.time.LocalDate.now(clock).minusDays(1),
            true,
            true),
        ReferralQueueIntegrationTest.WUDI_REGISTRAR);
    String counselorVolunteer =
        jdbc.sql(
                "select v.id::text from volunteer.volunteer v join identity.app_user u"
                    + " on u.id = v.user_id where u.username = 'counselor-371623'")
            .query(String.class)
            .single();
    String caseUrl;
    try (BrowserContext context = chineseContext(width)) {
      Page page = context.newPage();
      logIn(page, "manager-371623");
      page.navigate(url("/referrals"));
      Locator row = page.locator("#referral-queue tr", new Page.LocatorOptions().setHasText(him));
      for (int i = 0; i < 50 && row.count() == 0; i++) {
        // The referral arrives by event, a moment after the application is saved.
        page.waitForTimeout(200);
        page.reload();
      }
      row.getByText("处理").click();
      page.locator("#accept-referral").click();
      assertThat(page.locator("#case-title")).containsText(him + " · " + her);
      caseUrl = page.url();

      // The team: the system proposes, with its reasons; the manager confirms.
      page.locator("#case-tabs").getByText("辅导团队").click();
      assertThat(page.locator("#team-proposed")).isVisible();
      assertThat(page.locator("#team-candidates .reasons").first()).containsText("可服务");
      assertFitsWidth(page);
      shoot(page, "journey-team-" + width);
      String proposed =
          page.locator("#team-proposed input[name='lead']").first().getAttribute("value");
      if (counselorVolunteer.equals(proposed)) {
        page.locator("#adopt-proposal").click();
      } else {
        // Another test's counselor may rank first in this shared database: pick the demo one.
        page.locator("#lead-" + counselorVolunteer).check();
        for (Locator co : page.locator("input[name='coCounselors']").all()) {
          co.uncheck();
        }
        page.locator("#save-team").click();
      }
      assertThat(page.locator("#team-notice")).containsText("辅导团队已保存");
      assertThat(page.locator("#team-members")).containsText("主辅导员");
    }

    try (BrowserContext context = chineseContext(width)) {
      Page page = context.newPage();
      logIn(page, "counselor-371623");
      page.navigate(caseUrl);
      assertThat(page.locator("#screening-banner")).isVisible();
      page.locator("#case-tabs").getByText("同意与安全").click();
      for (String party : List.of("A", "B")) {
        page.locator("#purpose-" + party + "-COUNSELING").check();
        page.locator("#purpose-" + party + "-SENSITIVE_PROCESSING").check();
        page.locator("#record-consent-" + party).click();
        assertThat(page.locator("#safety-notice")).containsText("知情同意");
      }
      for (String party : List.of("A", "B")) {
        page.locator("#screen-" + party).click();
        assertThat(page.locator("#screening-alone")).containsText("对方不在场");
        for (String q : QUESTIONS) {
          page.locator("label[for='" + q + "-no']").click();
        }
        page.locator("#otherAbsent").check();
        if (party.equals("B")) {
          assertFitsWidth(page);
          shoot(page, "journey-screening-" + width);
        }
        page.locator("#save-screening").click();
        assertThat(page.locator("#safety-notice")).containsText("低风险");
      }
      assertThat(page.locator("#joint-state")).not().containsText("不得");
      assertFitsWidth(page);
      shoot(page, "journey-safety-" + width);

      // A joint session that began an hour ago (today), written on the six-step form.
      page.locator("#case-tabs").getByText("辅导记录").click();
      LocalDateTime now = LocalDateTime.now(LegalTime.ZONE).withSecond(0).withNano(0);
      LocalDateTime began =
          now.getHour() >= 1 ? now.minusHours(1) : now.toLocalDate().atStartOfDay();
      page.locator("#scheduledAt").fill(began.toString());
      page.locator("#place").fill("中心一号辅导室");
      page.locator("#attendees-BOTH").check();
      page.locator("#schedule-session").click();
      assertThat(page.locator("#session-notice")).containsText("已安排会谈");
      String[] steps = {
        "beliefSystem", "thinkingAngle", "emotionalFeelings", "behaviour", "result", "conclusion"
      };
      for (String party : List.of("A", "B")) {
        for (String step : steps) {
          page.locator("#party" + party + "-" + step).fill(party + " 的" + step + "记录");
        }
      }
      page.locator("#agreedActions").fill("每周日晚上家庭会议半小时。");
      assertFitsWidth(page);
      shoot(page, "journey-session-" + width);
      page.locator("#save-notes").click();
      assertThat(page.locator("#session-notice")).containsText("会谈记录已保存");

      page.navigate(caseUrl);
      Locator timeline = page.locator("#case-timeline");
      assertThat(timeline).containsText("会谈记录已保存（双方共同会谈）");
      assertThat(timeline).containsText("当事人甲完成安全评估：低风险");
      assertThat(timeline).containsText("当事人乙完成安全评估：低风险");
      assertThat(timeline).containsText("记录当事人乙的知情同意：");
      assertThat(timeline).containsText("主辅导员");
      assertThat(timeline).containsText("婚姻登记处转介");
      assertThat(page.locator("#case-status")).hasText("辅导中");
      // What was said stays behind the session's own audited page.
      assertThat(timeline).not().containsText("的beliefSystem记录");
      assertFitsWidth(page);
      shoot(page, "journey-timeline-" + width);
    }
  }
}
