package org.huhang.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.time.LocalDate;
import org.huhang.registration.DivorceApplicationIntegrationTest;
import org.huhang.registration.internal.HolidayCalendars;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A registrar records an application and finds it, with its deadline, on the deadline board. */
class RegistrationBrowserTest extends BrowserTestBase {

  @Autowired HolidayCalendars calendars;
  @Autowired java.time.Clock clock;

  @Test
  void aRegistrarRecordsAnApplicationAndSeesItsDeadlinesOnTheBoard() {
    LocalDate received = LocalDate.now(clock).minusDays(26);
    LocalDate deadline = calendars.clock().compute(received).withdrawalDeadline();
    String husband = DivorceApplicationIntegrationTest.id("371602", "1983-02-11", true);
    String wife = DivorceApplicationIntegrationTest.id("371602", "1984-12-21", false);
    try (BrowserContext context = chineseContext()) {
      Page page = context.newPage();
      logIn(page, "registrar-371602");

      page.locator("#main-menu").getByText("离婚登记申请").click();
      page.locator("#new-application").click();
      page.locator("#receivedOn").fill(received.toString());
      page.locator("#marriageDate").fill("2016-10-01");
      page.locator("#minorChildren").fill("1");
      page.locator("#aName").fill("司马远");
      page.locator("#aIdNumber").fill(husband);
      page.locator("#aBirthDate").fill(DivorceApplicationIntegrationTest.birth(husband));
      page.locator("#bName").fill("上官雪");
      page.locator("#bIdNumber").fill(wife);
      page.locator("#bBirthDate").fill(DivorceApplicationIntegrationTest.birth(wife));
      page.locator("#counselingAccepted").check();
      page.locator("#save-application").click();

      assertThat(page.locator("#withdrawal-deadline")).containsText(deadline.toString());
      assertThat(page.locator("#deadlines")).containsText(received.toString());

      page.navigate(url("/registrations/board?days=14"));
      assertThat(page.locator("#deadline-board")).containsText("司马远 · 上官雪");
      assertThat(page.locator("#deadline-board tr", new Page.LocatorOptions().setHasText("司马远")))
          .containsText(deadline.toString());
      assertThat(page.locator("#deadline-board tr", new Page.LocatorOptions().setHasText("司马远")))
          .containsText("已接受，待建案");
      page.screenshot(
          new Page.ScreenshotOptions()
              .setPath(Path.of("target/screenshots/deadline-board.png"))
              .setFullPage(true));
    }
  }

  /** Declined counseling saves; a withdrawal is confirmed with names and day, then announced. */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(ints = {1366, 390})
  void aDeclinedApplicationIsRecordedAndItsWithdrawalConfirmedBeforeItIsRecorded(int width) {
    LocalDate today = LocalDate.now(clock);
    String husband = DivorceApplicationIntegrationTest.id("371602", "1985-03-09", true);
    String wife = DivorceApplicationIntegrationTest.id("371602", "1986-04-10", false);
    String him = width > 500 ? "欧阳明" : "欧阳亮";
    try (BrowserContext context =
        browser.newContext(
            new com.microsoft.playwright.Browser.NewContextOptions()
                .setLocale("zh-CN")
                .setViewportSize(width, width > 500 ? 800 : 844))) {
      Page page = context.newPage();
      logIn(page, "registrar-371602");
      page.navigate(url("/registrations/new"));
      page.locator("#receivedOn").fill(today.minusDays(4).toString());
      page.locator("#marriageDate").fill("2012-06-01");
      page.locator("#aName").fill(him);
      // A valid identity number fills gender and birth date by itself.
      page.locator("#aGender").selectOption("FEMALE");
      page.locator("#aIdNumber").fill(husband);
      assertThat(page.locator("#aBirthDate"))
          .hasValue(DivorceApplicationIntegrationTest.birth(husband));
      assertThat(page.locator("#aGender")).hasValue("MALE");
      page.locator("#bName").fill("端木兰");
      page.locator("#bIdNumber").fill(wife);
      assertThat(page.locator("#bBirthDate"))
          .hasValue(DivorceApplicationIntegrationTest.birth(wife));
      // Counseling offered, declined: the accepted box stays unticked.
      page.locator("#counselingOffered").check();
      page.locator("#save-application").click();
      assertThat(page.locator("#outcome")).hasText("冷静期中");
      assertThat(page.locator("body")).containsText("拒绝辅导");

      page.locator("#kind-withdraw").check();
      page.locator("#outcome-on").fill(today.toString());
      page.locator("#outcome-by").selectOption("A");
      page.locator("#outcome-next").click();
      assertThat(page.locator("#outcome-summary"))
          .containsText(him + "与端木兰的离婚登记申请由" + him + "于 " + today + " 撤回");
      page.screenshot(
          new Page.ScreenshotOptions()
              .setPath(Path.of("target/screenshots/withdrawal-confirm-" + width + ".png"))
              .setFullPage(true));
      page.locator("#outcome-confirm").click();

      assertThat(page.locator(".alert-success"))
          .containsText("已记录：" + him + "于 " + today + " 撤回离婚登记申请。");
      assertThat(page.locator("#outcome")).hasText("已撤回");
      assertThat(page.locator("#withdrawn-by")).containsText(him);
      page.screenshot(
          new Page.ScreenshotOptions()
              .setPath(Path.of("target/screenshots/withdrawal-done-" + width + ".png"))
              .setFullPage(true));
    }
  }
}
