package org.huhang.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.lowagie.text.pdf.PdfReader;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Media;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 15 in Chromium: an event's poster prints on one A4 sheet and its QR code, scanned from the
 * drawn page, opens the center's booking page; an area's page fits a 360 px phone and leads to a
 * center's booking page.
 */
class BookingQrBrowserTest extends BrowserTestBase {

  @Autowired JdbcClient jdbc;

  /**
   * What the Content-Security-Policy refused on a page (an inline style or script), if anything.
   */
  static java.util.List<String> violationsOf(Page page) {
    java.util.List<String> violations = new java.util.ArrayList<>();
    page.onConsoleMessage(
        m -> {
          if (m.text().contains("Content Security Policy")) {
            violations.add(page.url() + " → " + m.text());
          }
        });
    return violations;
  }

  static String scan(byte[] png) throws Exception {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    int[] pixels =
        image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    return new QRCodeReader()
        .decode(
            new BinaryBitmap(
                new HybridBinarizer(
                    new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels))))
        .getText();
  }

  @Test
  void anEventsPosterPrintsOnOneSheetAndItsCodeOpensTheCentersBookingPage() throws Exception {
    String event =
        jdbc.sql(
                "select id::text from outreach.outreach_event where region_code = '371623'"
                    + " and created_by = 'demo' and center_id is not null"
                    + " order by held_on, title, id limit 1")
            .query(String.class)
            .single();
    try (BrowserContext desk = chineseContext(1366)) {
      Page page = desk.newPage();
      var violations = violationsOf(page);
      logIn(page, "counselor-371623");
      page.navigate(url("/outreach-events/" + event));
      page.locator("#event-poster").click();
      assertThat(page.locator("#poster-print")).isVisible();
      shoot(page, "event-poster");

      String scanned = scan(page.locator("#poster-booking svg").screenshot());
      org.assertj.core.api.Assertions.assertThat(scanned).contains("/book/");

      page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
      assertThat(page.locator("#poster-print")).isHidden();
      byte[] pdf = page.pdf(new Page.PdfOptions().setPreferCSSPageSize(true));
      org.assertj.core.api.Assertions.assertThat(new PdfReader(pdf).getNumberOfPages())
          .as("one A4 sheet")
          .isEqualTo(1);
      java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/pdf"));
      java.nio.file.Files.write(java.nio.file.Path.of("target/pdf/event-poster.pdf"), pdf);

      page.navigate(url(URI.create(scanned).getPath()));
      assertThat(page.locator("h1")).hasText("预约婚姻家庭辅导");
      org.assertj.core.api.Assertions.assertThat(violations).isEmpty();
    }
  }

  @Test
  void anAreasPageFitsAPhoneAndLeadsToACentersBookingPage() {
    try (BrowserContext phone = chineseContext(360)) {
      Page page = phone.newPage();
      var violations = violationsOf(page);
      page.navigate(url("/book/area/371623"));
      assertThat(page.locator("#area-centers")).isVisible();
      assertFitsWidth(page);
      shoot(page, "booking-area-360");
      page.locator(".area-book").first().click();
      assertThat(page.locator("h1")).hasText("预约婚姻家庭辅导");
      assertThat(page.locator("#family-center")).isVisible();
      org.assertj.core.api.Assertions.assertThat(violations).isEmpty();
    }
  }
}
