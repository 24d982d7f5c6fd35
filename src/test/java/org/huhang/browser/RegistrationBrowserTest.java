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
}
