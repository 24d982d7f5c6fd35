package org.huhang.selfservice.web;

import java.time.Duration;
import org.huhang.selfservice.internal.BookingAreas;
import org.huhang.shared.qr.BookingLinks;
import org.huhang.shared.qr.QrCode;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * An area's booking page, what the QR code on a divorce application's receipt and on an event's
 * poster opens when no one center is meant: the open centers of a county or city, each linking to
 * its booking page. Made for a phone 360 px wide; no account.
 */
@Controller
class BookingAreaController {

  private final BookingAreas areas;
  private final BookingLinks links;

  BookingAreaController(BookingAreas areas, BookingLinks links) {
    this.areas = areas;
    this.links = links;
  }

  @GetMapping("/book/area/{regionCode}")
  String area(@PathVariable String regionCode, Model model) {
    BookingAreas.Area area = areas.area(regionCode);
    model.addAttribute("region", area.region());
    model.addAttribute("centers", area.centers());
    return "selfservice/area";
  }

  /** The QR code of an area's booking page, for receipts and posters. */
  @GetMapping("/book/area/{regionCode}/qr.svg")
  ResponseEntity<String> qrCode(@PathVariable String regionCode) {
    String code = areas.region(regionCode).code();
    return ResponseEntity.ok()
        .contentType(MediaType.valueOf("image/svg+xml"))
        .cacheControl(CacheControl.maxAge(Duration.ofHours(1)))
        .body(QrCode.of(links.area(code)).svg());
  }
}
