package org.huhang.selfservice.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import java.util.UUID;
import org.huhang.casework.CaseId;
import org.huhang.casework.CaseStage;
import org.huhang.selfservice.BookingStatus;
import org.huhang.selfservice.BookingView;
import org.huhang.selfservice.internal.BookingDesk;
import org.huhang.shared.Actor;
import org.huhang.shared.DomainException;
import org.huhang.shared.qr.BookingLinks;
import org.huhang.shared.qr.QrCode;
import org.huhang.shared.web.FormErrors;
import org.huhang.shared.web.Pages;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The center's side of bookings: the list (its page and htmx partial), one booking, accepting it
 * into a case or declining it; and the QR code of a center's booking page for posters.
 */
@Controller
class BookingDeskController {

  private final BookingDesk desk;
  private final BookingLinks links;
  private final MessageSource messages;

  BookingDeskController(BookingDesk desk, BookingLinks links, MessageSource messages) {
    this.desk = desk;
    this.links = links;
    this.messages = messages;
  }

  @GetMapping("/bookings")
  String list(
      Actor actor,
      HtmxRequest htmx,
      @RequestParam(required = false) BookingStatus status,
      @RequestParam(required = false) Integer page,
      Model model) {
    model.addAttribute("bookings", desk.desk(actor, status, page));
    model.addAttribute("status", status);
    model.addAttribute("statuses", BookingStatus.values());
    return Pages.fullOrPartial(htmx, "selfservice/desk", "selfservice/deskList");
  }

  @GetMapping("/bookings/{id}")
  String detail(@PathVariable UUID id, Actor actor, Model model) {
    return detail(model, desk.deskView(id, actor), actor, FormErrors.none());
  }

  @PostMapping("/bookings/{id}/accept")
  String accept(
      @PathVariable UUID id,
      @RequestParam(required = false) CaseStage stage,
      Actor actor,
      Model model) {
    try {
      CaseId caseId = desk.accept(id, stage, actor);
      return "redirect:/cases/" + caseId.value() + "?fromBooking";
    } catch (DomainException e) {
      return detail(model, desk.deskView(id, actor), actor, FormErrors.of(e, messages));
    }
  }

  @PostMapping("/bookings/{id}/decline")
  String decline(@PathVariable UUID id, Actor actor, Model model) {
    try {
      desk.decline(id, actor);
    } catch (DomainException e) {
      return detail(model, desk.deskView(id, actor), actor, FormErrors.of(e, messages));
    }
    return "redirect:/bookings/" + id;
  }

  /** The QR code of a center's public booking page (what posters and receipts print). */
  @GetMapping(value = "/book/{centerId}/qr.svg")
  ResponseEntity<String> qrCode(@PathVariable UUID centerId) {
    desk.bookableCenter(centerId);
    return ResponseEntity.ok()
        .contentType(MediaType.valueOf("image/svg+xml"))
        .cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1)))
        .body(QrCode.of(links.center(centerId)).svg());
  }

  private String detail(Model model, BookingView booking, Actor actor, FormErrors errors) {
    model.addAttribute("booking", booking);
    model.addAttribute("decides", desk.decides(actor));
    model.addAttribute("stages", CaseStage.values());
    model.addAttribute("errors", errors);
    return "selfservice/deskBooking";
  }
}
