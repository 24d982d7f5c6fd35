package org.huhang.selfservice.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.huhang.center.CenterView;
import org.huhang.notification.Notifications;
import org.huhang.selfservice.BookSession;
import org.huhang.selfservice.BookingView;
import org.huhang.selfservice.Topic;
import org.huhang.selfservice.internal.BookingDesk;
import org.huhang.selfservice.internal.FamilyPhone;
import org.huhang.selfservice.internal.PhoneCodes;
import org.huhang.selfservice.internal.Surveys;
import org.huhang.shared.DomainException;
import org.huhang.shared.person.Gender;
import org.huhang.shared.person.PhoneNumber;
import org.huhang.shared.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The family's pages, without an account: a center's booking page (what its QR code opens), the
 * one-time code that proves a mobile number, the booking form, and the person's own bookings. Made
 * for a phone 360 px wide.
 */
@Controller
class BookingPublicController {

  private final BookingDesk desk;
  private final PhoneCodes codes;
  private final Surveys surveys;
  private final Notifications notifications;
  private final MessageSource messages;
  private final Clock clock;

  BookingPublicController(
      BookingDesk desk,
      PhoneCodes codes,
      Surveys surveys,
      Notifications notifications,
      MessageSource messages,
      Clock clock) {
    this.desk = desk;
    this.codes = codes;
    this.surveys = surveys;
    this.notifications = notifications;
    this.messages = messages;
    this.clock = clock;
  }

  /** A center's booking page: who it is, and the phone form (or the booking form once proved). */
  @GetMapping("/book/{centerId}")
  String center(@PathVariable UUID centerId, HttpServletRequest request, Model model) {
    CenterView center = desk.bookableCenter(centerId);
    if (phone(request).isPresent()) {
      return "redirect:/book/" + centerId + "/new";
    }
    return phoneForm(model, center, null, FormErrors.none());
  }

  /** Where a person without a center in mind (a link in a message) proves its number. */
  @GetMapping("/book/mine")
  String mine(HttpServletRequest request, Model model) {
    Optional<FamilyPhone> phone = phone(request);
    if (phone.isEmpty()) {
      return phoneForm(model, null, null, FormErrors.none());
    }
    model.addAttribute("bookings", desk.mine(phone.get()));
    model.addAttribute(
        "maskedPhone", PhoneNumber.parse(phone.get().phone()).orElseThrow().masked());
    model.addAttribute("optedOut", notifications.optedOut(phone.get().phone()));
    return "selfservice/mine";
  }

  @PostMapping("/book/code")
  String sendCode(
      @RequestParam(required = false) String phone,
      @RequestParam(required = false) UUID center,
      HttpServletRequest request,
      Model model) {
    CenterView c = center == null ? null : desk.bookableCenter(center);
    try {
      codes.send(phone, request.getRemoteAddr());
    } catch (DomainException e) {
      return phoneForm(model, c, phone, FormErrors.of(e, messages));
    }
    return codeForm(model, c, phone, FormErrors.none());
  }

  @PostMapping("/book/verify")
  String verify(
      @RequestParam(required = false) String phone,
      @RequestParam(required = false) String code,
      @RequestParam(required = false) UUID center,
      HttpServletRequest request,
      Model model) {
    CenterView c = center == null ? null : desk.bookableCenter(center);
    PhoneCodes.Result result;
    try {
      result = codes.check(phone, code);
    } catch (DomainException e) {
      return phoneForm(model, c, phone, FormErrors.of(e, messages));
    }
    if (result.check() != PhoneCodes.Check.ACCEPTED) {
      String key = "booking.code." + result.check().name().toLowerCase(java.util.Locale.ROOT);
      String text =
          messages.getMessage(
              key,
              new Object[] {result.triesLeft()},
              org.springframework.context.i18n.LocaleContextHolder.getLocale());
      return codeForm(model, c, phone, new FormErrors(Map.of("code", text)));
    }
    // A new session id once the number is proved: a session fixed beforehand gains nothing.
    request.getSession(true);
    request.changeSessionId();
    request
        .getSession()
        .setAttribute(
            FamilyPhone.SESSION_ATTRIBUTE,
            new FamilyPhone(PhoneNumber.parse(phone).orElseThrow().value(), clock.instant()));
    return c == null ? "redirect:/book/mine" : "redirect:/book/" + c.id().value() + "/new";
  }

  @GetMapping("/book/{centerId}/new")
  String bookingForm(@PathVariable UUID centerId, HttpServletRequest request, Model model) {
    CenterView center = desk.bookableCenter(centerId);
    if (phone(request).isEmpty()) {
      return "redirect:/book/" + centerId;
    }
    return bookingForm(model, center, blank(), FormErrors.none());
  }

  @PostMapping("/book/{centerId}/new")
  String book(
      @PathVariable UUID centerId,
      @ModelAttribute("command") BookSession command,
      BindingResult binding,
      HttpServletRequest request,
      Model model) {
    CenterView center = desk.bookableCenter(centerId);
    Optional<FamilyPhone> phone = phone(request);
    if (phone.isEmpty()) {
      return "redirect:/book/" + centerId;
    }
    // What could not be read (a date that does not exist) and what the rules refuse, at once.
    FormErrors errors = FormErrors.of(binding, messages).and(desk.problems(command), messages);
    if (errors.any()) {
      return bookingForm(model, center, command, errors);
    }
    try {
      BookingView booking = desk.book(centerId, phone.get(), command);
      return "redirect:/book/mine/" + booking.id() + "?booked";
    } catch (DomainException e) {
      return bookingForm(model, center, command, FormErrors.of(e, messages));
    }
  }

  @GetMapping("/book/mine/{id}")
  String own(
      @PathVariable UUID id,
      @RequestParam(required = false) String booked,
      HttpServletRequest request,
      Model model) {
    Optional<FamilyPhone> phone = phone(request);
    if (phone.isEmpty()) {
      return "redirect:/book/mine";
    }
    model.addAttribute("booking", desk.own(id, phone.get()));
    model.addAttribute("justBooked", booked != null);
    model.addAttribute("slots", java.util.List.of());
    model.addAttribute("errors", FormErrors.none());
    model.addAttribute("offer", surveys.offer(id, phone.get()));
    return "selfservice/booking";
  }

  @GetMapping("/book/mine/{id}/move")
  String moveForm(@PathVariable UUID id, HttpServletRequest request, Model model) {
    Optional<FamilyPhone> phone = phone(request);
    if (phone.isEmpty()) {
      return "redirect:/book/mine";
    }
    BookingView booking = desk.own(id, phone.get());
    return moveForm(model, booking, FormErrors.none());
  }

  @PostMapping("/book/mine/{id}/move")
  String move(
      @PathVariable UUID id,
      @RequestParam(required = false) String slot,
      HttpServletRequest request,
      Model model) {
    Optional<FamilyPhone> phone = phone(request);
    if (phone.isEmpty()) {
      return "redirect:/book/mine";
    }
    try {
      desk.move(id, phone.get(), slot);
    } catch (DomainException e) {
      return moveForm(model, desk.own(id, phone.get()), FormErrors.of(e, messages));
    }
    return "redirect:/book/mine/" + id + "?moved";
  }

  @PostMapping("/book/mine/{id}/cancel")
  String cancel(@PathVariable UUID id, HttpServletRequest request, Model model) {
    Optional<FamilyPhone> phone = phone(request);
    if (phone.isEmpty()) {
      return "redirect:/book/mine";
    }
    try {
      desk.cancel(id, phone.get());
    } catch (DomainException e) {
      model.addAttribute("booking", desk.own(id, phone.get()));
      model.addAttribute("justBooked", false);
      model.addAttribute("slots", java.util.List.of());
      model.addAttribute("errors", FormErrors.of(e, messages));
      model.addAttribute("offer", surveys.offer(id, phone.get()));
      return "selfservice/booking";
    }
    return "redirect:/book/mine";
  }

  /** The person stops (or restarts) reminders and notices to its number; codes still come. */
  @PostMapping("/book/mine/notices")
  String notices(@RequestParam(required = false) String send, HttpServletRequest request) {
    Optional<FamilyPhone> phone = phone(request);
    if (phone.isPresent()) {
      if ("off".equals(send)) {
        notifications.optOut(phone.get().phone());
      } else {
        notifications.optIn(phone.get().phone());
      }
    }
    return "redirect:/book/mine";
  }

  @PostMapping("/book/sign-out")
  String signOut(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.removeAttribute(FamilyPhone.SESSION_ATTRIBUTE);
    }
    return "redirect:/book/mine";
  }

  private String phoneForm(Model model, CenterView center, String phone, FormErrors errors) {
    model.addAttribute("center", center);
    model.addAttribute("phone", phone);
    model.addAttribute("errors", errors);
    return "selfservice/phone";
  }

  private String codeForm(Model model, CenterView center, String phone, FormErrors errors) {
    model.addAttribute("center", center);
    model.addAttribute("phone", phone);
    model.addAttribute("errors", errors);
    return "selfservice/code";
  }

  private String bookingForm(
      Model model, CenterView center, BookSession command, FormErrors errors) {
    model.addAttribute("center", center);
    model.addAttribute("command", command);
    model.addAttribute("errors", errors);
    model.addAttribute("topics", Topic.values());
    model.addAttribute("genders", Gender.values());
    model.addAttribute("slots", desk.freeSlots(center.id().value()));
    return "selfservice/bookingForm";
  }

  private String moveForm(Model model, BookingView booking, FormErrors errors) {
    model.addAttribute("booking", booking);
    model.addAttribute("justBooked", false);
    model.addAttribute("slots", desk.freeSlots(booking.centerId()));
    model.addAttribute("errors", errors);
    model.addAttribute("offer", Surveys.Offer.NONE);
    return "selfservice/booking";
  }

  private static BookSession blank() {
    return new BookSession(null, null, null, null, null, null, null, null);
  }

  private Optional<FamilyPhone> phone(HttpServletRequest request) {
    return FamilyPhone.of(request, clock.instant());
  }
}
