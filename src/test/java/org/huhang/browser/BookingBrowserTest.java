package org.huhang.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.huhang.notification.internal.Outbox;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Scan to book on a 360 px phone: the center's QR code, read back from its picture, opens the
 * booking page; a one-time code proves the number; the booking is sent; the center's manager
 * accepts it into a case.
 */
class BookingBrowserTest extends BrowserTestBase {

  @Autowired JdbcClient jdbc;
  @Autowired Outbox outbox;

  @Test
  void aFamilyScansBooksAndTheManagerAcceptsTheBookingIntoACase() throws Exception {
    UUID center =
        jdbc.sql("select id from center.center where name = '无棣县婚姻家庭辅导中心'")
            .query(UUID.class)
            .single();
    BrowserContext phone =
        browser.newContext(
            new com.microsoft.playwright.Browser.NewContextOptions()
                .setLocale("zh-CN")
                .setViewportSize(360, 740)
                .setIsMobile(true)
                .setHasTouch(true));
    Page page = phone.newPage();
    // The QR code as a poster prints it, scanned.
    page.navigate(url("/book/" + center + "/qr.svg"));
    byte[] picture = page.screenshot();
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(picture));
    int[] pixels =
        image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    String scanned =
        new QRCodeReader()
            .decode(
                new BinaryBitmap(
                    new HybridBinarizer(
                        new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels))))
            .getText();
    org.assertj.core.api.Assertions.assertThat(scanned).endsWith("/book/" + center);
    page.navigate(url(URI.create(scanned).getPath()));
    assertThat(page.locator("h1")).hasText("预约婚姻家庭辅导");
    assertFitsWidth(page);
    shoot(page, "booking-phone-360");

    page.getByLabel("手机号").fill("13912345678");
    page.locator("#send-code").click();
    assertThat(page.locator("#code-sent")).containsText("139****5678");
    String code =
        outbox
            .openArgs(
                jdbc.sql(
                        """
                        select args_cipher from notification.outbox
                         where event_key like 'booking-code:%' order by created_at desc limit 1""")
                    .query(byte[].class)
                    .single())
            .get(0);
    page.getByLabel("验证码").fill(code);
    page.locator("#verify-code").click();

    assertThat(page.locator("#booking-form")).isVisible();
    page.getByText("婚姻关系").click();
    page.getByText("没有", new Page.GetByTextOptions().setExact(true)).click();
    // Choosing "afraid" shows the safety information at once and takes the joint choice away.
    page.locator("label[for=afraid-yes]").click();
    assertThat(page.locator("#safety-info")).isVisible();
    assertThat(page.locator(".together-choice")).isHidden();
    page.locator("label[for=afraid-no]").click();
    assertThat(page.locator("#safety-info")).isHidden();
    page.locator("label[for=together-yes]").click();
    page.locator("#slots label.slot-button").first().click();
    page.getByLabel("姓名").fill("张敏");
    page.getByLabel("性别").selectOption("FEMALE");
    page.getByLabel("出生日期").fill("1992-05-06");
    assertFitsWidth(page);
    shoot(page, "booking-form-360");
    page.locator("#book-submit").click();
    assertThat(page.locator("#booked")).containsText("预约已提交");
    assertThat(page.locator("#booking-facts")).containsText("夫妻二人一起来");
    assertFitsWidth(page);
    shoot(page, "booking-done-360");
    String reference = page.locator("#booking-facts dd").first().innerText().strip();

    // The questionnaire before the session, on the same phone.
    page.locator("#questionnaire-link").click();
    page.locator("#q0").fill("我们总为孩子的事吵架，想学会好好说话。");
    page.locator("label[for=q1-1]").click();
    page.locator("label[for=q2-0]").click();
    page.locator("label[for=q3-3]").click();
    assertFitsWidth(page);
    shoot(page, "booking-questionnaire-360");
    page.locator("#answer-submit").click();
    assertThat(page.locator("#questionnaire-card")).containsText("您已填写辅导前问卷");
    phone.close();

    BrowserContext desk = chineseContext(1366);
    Page manager = desk.newPage();
    logIn(manager, "manager-371623");
    manager.locator("#main-menu").getByText("网上预约").click();
    manager.getByText(reference).click();
    assertThat(manager.locator("h1")).containsText(reference);
    manager.locator("#desk-answers").click();
    assertThat(manager.locator("#answers-BEFORE")).containsText("好好说话");
    shoot(manager, "booking-answers");
    manager.goBack();
    manager.locator("#accept-submit").click();
    assertThat(manager).hasURL(java.util.regex.Pattern.compile(".*/cases/[0-9a-f-]+.*"));
    assertThat(manager.locator("body")).containsText("张敏");
    shoot(manager, "booking-accepted-case");
    desk.close();
  }
}
