package org.huhang.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.time.LocalDate;
import org.huhang.registration.DivorceApplicationIntegrationTest;
import org.huhang.registration.internal.HolidayCalendars;
import org.huhang.shared.Actor;
import org.huhang.shared.Role;
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
    try (BrowserContext context = chineseContext(width)) {
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
      shoot(page, "withdrawal-confirm-" + width);
      page.locator("#outcome-confirm").click();

      assertThat(page.locator(".alert-success"))
          .containsText("已记录：" + him + "于 " + today + " 撤回离婚登记申请。");
      assertThat(page.locator("#outcome")).hasText("已撤回");
      assertThat(page.locator("#withdrawn-by")).containsText(him);
      shoot(page, "withdrawal-done-" + width);
    }
  }

  /**
   * Counseling not offered saves as such; a holiday entered later moves its deadline, and the
   * registrar sees on the board whose deadline moved, from which day to which.
   */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(ints = {1366, 390})
  void anApplicationWithoutCounselingIsRecordedAndTheBoardShowsItsMovedDeadline(int width) {
    // A day of the published 2026 notice that is otherwise a working Wednesday.
    LocalDate received = LocalDate.of(2026, 6, 1);
    LocalDate before = calendars.clock().compute(received).withdrawalDeadline();
    String husband =
        DivorceApplicationIntegrationTest.id(
            "371602", width > 500 ? "1979-05-05" : "1979-06-06", true);
    String wife =
        DivorceApplicationIntegrationTest.id(
            "371602", width > 500 ? "1980-05-05" : "1980-06-06", false);
    String him = width > 500 ? "诸葛亮" : "诸葛瑾";
    Actor admin =
        new Actor(null, "admin", "市妇联管理员", Role.CITY_ADMIN, "371600", "滨州市", "/370000/371600/");
    try (BrowserContext context = chineseContext(width)) {
      Page page = context.newPage();
      logIn(page, "registrar-371602");
      page.navigate(url("/registrations/new"));
      page.locator("#receivedOn").fill(received.toString());
      page.locator("#marriageDate").fill("2010-10-10");
      page.locator("#aName").fill(him);
      page.locator("#aIdNumber").fill(husband);
      page.locator("#bName").fill("黄月英");
      page.locator("#bIdNumber").fill(wife);
      // Offering is ticked by default; unticked, counseling was not offered.
      assertThat(page.locator("#counselingOffered")).isChecked();
      page.locator("#counselingOffered").uncheck();
      page.locator("#save-application").click();
      assertThat(page.locator("#outcome")).hasText("冷静期中");
      assertThat(page.locator("body")).containsText("未提供辅导");
      assertThat(page.locator("#withdrawal-deadline")).containsText(before.toString());

      // The city administrator adds a holiday on that deadline in the published year.
      Page adminPage = chineseContext(width).newPage();
      logIn(adminPage, "admin");
      adminPage.navigate(url("/calendar/2026"));
      adminPage.locator("#calendar-entries input[name=day]").first().fill(before.toString());
      adminPage.locator("#calendar-entries select[name=kind]").first().selectOption("OFF");
      adminPage.locator("#calendar-entries input[name=name]").first().fill("测试调休");
      adminPage.locator("#save-entries").click();
      assertThat(adminPage.locator("#calendar-notice")).isVisible();
      adminPage.context().close();

      LocalDate after = calendars.clock().compute(received).withdrawalDeadline();
      page.navigate(url("/registrations/board"));
      var moved = page.locator("#deadline-moves tr", new Page.LocatorOptions().setHasText(him));
      assertThat(moved).containsText(him + " · 黄月英");
      assertThat(moved).containsText(before + " → " + after);
      shoot(page, "board-moves-" + width);
      assertFitsWidth(page);
    } finally {
      calendars.removeDay(before, admin);
    }
  }
}
