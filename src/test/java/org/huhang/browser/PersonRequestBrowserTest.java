package org.huhang.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.UUID;
import org.huhang.shared.person.PersonalDataProtector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A county administrator handles a person's request on a phone (390 px): finds the person's booking
 * by its number, corrects the name from the record's card, erases it through its confirmation, and
 * no page scrolls sideways. The booking is the test's own, removed at the end.
 */
class PersonRequestBrowserTest extends BrowserTestBase {

  static final String PHONE = "13500019901";

  @Autowired JdbcClient jdbc;
  @Autowired PersonalDataProtector protector;

  private BrowserContext context;
  private Page page;
  private UUID booking;

  @BeforeEach
  void bookingAndPhone() {
    var center =
        jdbc.sql("select id, region_path from center.center where name = '无棣县婚姻家庭辅导中心'")
            .query((rs, i) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2)})
            .single();
    booking = UUID.randomUUID();
    jdbc.sql(
            """
            insert into selfservice.booking
                   (id, reference, center_id, region_path, phone_hash, phone_cipher, person_cipher,
                    topic, slot_date, half_day, together, safety_concern, status, created_at,
                    updated_at)
            values (:id, 'RIGHTS99', :center, :path, :hash, :phone, :person, 'RELATIONSHIP',
                    current_date + 3, 'PM', false, false, 'REQUESTED', now(), now())""")
        .param("id", booking)
        .param("center", center[0])
        .param("path", center[1])
        .param("hash", protector.lookupHash("phone:" + PHONE))
        .param("phone", protector.encrypt(PHONE))
        .param(
            "person",
            protector.encrypt(
                "{\"name\":\"手机上\",\"gender\":\"FEMALE\",\"birthDate\":\"1990-01-01\"}"))
        .update();
    context = chineseContext(390);
    page = context.newPage();
  }

  @AfterEach
  void forget() {
    context.close();
    jdbc.sql("delete from selfservice.booking where id = :id").param("id", booking).update();
  }

  @Test
  void aRequestIsHandledOnANarrowScreen() {
    logIn(page, "admin-371623");
    page.navigate(url("/privacy/requests"));
    page.getByLabel("申请编号").fill("2026-个信-199");
    page.getByLabel("手机号").fill(PHONE);
    page.locator("#rights-find").click();
    String row = "#record-BOOKING-" + booking;
    assertThat(page.locator(row)).containsText("RIGHTS99");
    assertFitsWidth(page);

    page.locator(row + " summary").click();
    page.locator("#value-BOOKING-" + booking + "-name").fill("更正后");
    page.locator("#correct-BOOKING-" + booking + "-name").click();
    assertThat(page.locator("#rights-done")).containsText("已更正");
    assertFitsWidth(page);
    shoot(page, "person-request-390");

    page.locator("#erase-BOOKING-" + booking).click();
    assertThat(page.locator("#erase-removes")).containsText("手机号");
    assertThat(page.locator("#erase-keeps")).containsText("统计数字不变");
    assertFitsWidth(page);
    shoot(page, "person-request-erase-390");
    page.locator("#erase-yes").click();
    assertThat(page.locator("#rights-done")).containsText("已删除");
    assertThat(page.locator(row)).hasCount(0);
    assertFitsWidth(page);
  }
}
