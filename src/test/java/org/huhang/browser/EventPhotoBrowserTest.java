package org.huhang.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A center manager adds a photo to an event on a phone, and a refused upload says why in the page
 * instead of leaving it as it was: the answer is not one htmx swaps (400), so the error box shows
 * the server's message.
 */
class EventPhotoBrowserTest extends BrowserTestBase {

  @Autowired JdbcClient jdbc;

  static byte[] png() throws Exception {
    BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  @Test
  void aManagerAddsAPhotoOnAPhoneAndARefusalIsShown() throws Exception {
    String event =
        jdbc.sql(
                "select e.id::text from outreach.outreach_event e"
                    + " where e.region_path like '/370000/371600/371623/%' and not exists (select 1 from"
                    + " outreach.event_photo p where p.event_id = e.id)"
                    + " order by e.held_on desc limit 1")
            .query(String.class)
            .single();
    try (BrowserContext context = chineseContext(390)) {
      Page page = context.newPage();
      logIn(page, "manager-371623");
      page.navigate(url("/outreach-events/" + event));
      page.locator("#file").setInputFiles(new FilePayload("活动.png", "image/png", png()));
      // A caption with an invisible control character: the server refuses the whole request.
      page.locator("#caption").fill("婚前辅导\u0001现场");
      page.locator("#photo-upload-button").click();
      assertThat(page.locator("#request-error")).isVisible();
      assertThat(page.locator("#request-error")).containsText("控制字符");
      // Inside the phone's width, close button included (it once sat in a flex row, 100% wide).
      var box = page.locator("#request-error").boundingBox();
      org.assertj.core.api.Assertions.assertThat(box.x + box.width).isLessThanOrEqualTo(390);
      shoot(page, "event-photo-refused-390");
      page.locator("[data-request-error-close]").click();
      assertThat(page.locator("#request-error")).isHidden();

      page.locator("#file").setInputFiles(new FilePayload("活动.png", "image/png", png()));
      page.locator("#caption").fill("婚前辅导现场");
      page.locator("#photo-upload-button").click();
      assertThat(page.locator("#event-photos img")).hasCount(1);
      assertThat(page.locator("#request-error")).isHidden();
      assertFitsWidth(page);
      shoot(page, "event-photo-added-390");
    }
  }
}
