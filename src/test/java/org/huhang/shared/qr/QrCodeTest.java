package org.huhang.shared.qr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a QR code says is what a scanner reads back, from its modules and from its SVG. */
class QrCodeTest {

  @Test
  void aCodeScansBackToItsText() {
    java.util.Random random = new java.util.Random(15);
    for (int i = 0; i < 100; i++) {
      String address =
          "https://huhang.example.cn/book/" + new UUID(random.nextLong(), random.nextLong());
      QrCode code = QrCode.of(address);

      assertThat(QrScan.code(code)).isEqualTo(address);
      assertThat(QrScan.svg(code.svg())).isEqualTo(address);
    }
  }

  @Test
  void theCodeHasAQuietZoneOfFourLightModulesOnEverySide() {
    QrCode code = QrCode.of("https://huhang.example.cn/book/area/371623");
    int last = code.size() - 1;
    for (int i = 0; i < code.size(); i++) {
      for (int edge = 0; edge < QrCode.QUIET_ZONE; edge++) {
        assertThat(code.dark(i, edge) || code.dark(edge, i)).isFalse();
        assertThat(code.dark(i, last - edge) || code.dark(last - edge, i)).isFalse();
      }
    }
    // The finder pattern's corner module follows the quiet zone at once.
    assertThat(code.dark(QrCode.QUIET_ZONE, QrCode.QUIET_ZONE)).isTrue();
  }

  @Test
  void theSvgIsASquareOfTheCodesSizeWithOneSquarePerDarkModule() {
    QrCode code = QrCode.of("https://huhang.example.cn/book/area/371600");
    int dark = 0;
    for (int y = 0; y < code.size(); y++) {
      for (int x = 0; x < code.size(); x++) {
        dark += code.dark(x, y) ? 1 : 0;
      }
    }
    String svg = code.svg();
    assertThat(svg).contains("viewBox=\"0 0 " + code.size() + " " + code.size() + "\"");
    assertThat(svg.split("h1v1h-1z", -1)).hasSize(dark + 1);
  }

  @Test
  void bookingLinksFollowThePublicAddressWithOrWithoutItsSlash() {
    UUID center = UUID.fromString("3f1c2d4e-0000-4000-8000-000000000001");
    for (String url : new String[] {"https://huhang.example.cn", "https://huhang.example.cn/"}) {
      BookingLinks links = new BookingLinks(url);
      assertThat(links.center(center)).isEqualTo("https://huhang.example.cn/book/" + center);
      assertThat(links.area("371623")).isEqualTo("https://huhang.example.cn/book/area/371623");
    }
  }

  @Test
  void aPrintedFormDrawsTheCodeAsSquaresThatScanBackWithItsWordsBeside() throws Exception {
    String address = "https://huhang.example.cn/book/area/371623";
    byte[] pdf =
        org.huhang.shared.pdf.FormPdf.start("无棣县婚姻登记处", "回执", "编号：1")
            .qr(new org.huhang.shared.pdf.FormPdf.Qr(QrCode.of(address), "扫码预约婚姻家庭辅导（免费）", address))
            .finish();

    assertThat(QrScan.pdf(pdf)).isEqualTo(address);
    String text =
        new com.lowagie.text.pdf.parser.PdfTextExtractor(new com.lowagie.text.pdf.PdfReader(pdf))
            .getTextFromPage(1)
            .replaceAll("\\s+", "");
    assertThat(text).contains("扫码预约婚姻家庭辅导（免费）", address);
    assertThat(new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1))
        .as("vector squares, no picture")
        .doesNotContain("/Subtype/Image");
  }
}
