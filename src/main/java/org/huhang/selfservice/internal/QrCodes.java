package org.huhang.selfservice.internal;

import org.huhang.shared.qr.BookingLinks;
import org.huhang.shared.qr.QrCode;
import org.springframework.stereotype.Component;

/**
 * The QR code of a center's booking page. The drawing and the addresses moved to {@code shared.qr}
 * (issue 15: receipts and posters of other modules print them too); this stays for code written
 * against it and only delegates.
 */
@Component
public class QrCodes {

  private final BookingLinks links;

  QrCodes(BookingLinks links) {
    this.links = links;
  }

  public String bookingUrl(java.util.UUID centerId) {
    return links.center(centerId);
  }

  /** The SVG of a QR code of {@code text}: one path of its dark modules, a 4-module quiet zone. */
  public String svg(String text) {
    return QrCode.of(text).svg();
  }
}
