package org.huhang.registration.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.huhang.registration.ApplicationId;
import org.huhang.registration.ApplicationSearch;
import org.huhang.registration.ApplicationView;
import org.huhang.registration.DivorceApplications;
import org.huhang.registration.Outcome;
import org.huhang.registration.Party;
import org.huhang.registration.RecordApplication;
import org.huhang.registration.internal.ApplicationDocuments;
import org.huhang.registration.internal.RegistrationPolicy;
import org.huhang.shared.Actor;
import org.huhang.shared.DomainException;
import org.huhang.shared.person.Gender;
import org.huhang.shared.web.FormErrors;
import org.huhang.shared.web.Pages;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Divorce applications: list (page and htmx partial), deadline board, record, outcomes. */
@Controller
class RegistrationPageController {

  private final DivorceApplications applications;
  private final ApplicationDocuments documents;
  private final RegistrationPolicy policy;
  private final MessageSource messages;
  private final Clock clock;

  RegistrationPageController(
      DivorceApplications applications,
      ApplicationDocuments documents,
      RegistrationPolicy policy,
      MessageSource messages,
      Clock clock) {
    this.applications = applications;
    this.documents = documents;
    this.policy = policy;
    this.messages = messages;
    this.clock = clock;
  }

  @GetMapping("/registrations")
  String list(
      Actor actor,
      HtmxRequest htmx,
      @ModelAttribute("search") ApplicationSearch search,
      Model model) {
    model.addAttribute("applications", applications.search(search, actor));
    model.addAttribute("canRecord", policy.mayRecord(actor));
    return Pages.fullOrPartial(htmx, "registration/applications", "registration/applicationTable");
  }

  @GetMapping("/registrations/board")
  String board(Actor actor, @RequestParam(defaultValue = "7") int days, Model model) {
    model.addAttribute("days", Math.max(0, Math.min(days, 60)));
    model.addAttribute("rows", applications.board(days, actor));
    model.addAttribute("moves", applications.recentMoves(14, actor));
    model.addAttribute("today", LocalDate.now(clock));
    return "registration/board";
  }

  /** The blank form: no service call answers it, so the page asks the policy itself. */
  @GetMapping("/registrations/new")
  String newApplication(Actor actor, Model model) {
    policy.requireRecorder(actor);
    RecordApplication blank =
        new RecordApplication(
            LocalDate.now(clock),
            new Party("", Gender.MALE, null, "", ""),
            new Party("", Gender.FEMALE, null, "", ""),
            null,
            0,
            true,
            false);
    return form(model, blank, FormErrors.none());
  }

  @PostMapping("/registrations")
  String record(
      Actor actor,
      @ModelAttribute("command") RecordApplication command,
      BindingResult binding,
      Model model,
      RedirectAttributes redirect) {
    if (binding.hasErrors()) {
      return form(
          model,
          command,
          FormErrors.of(binding, messages).and(applications.problems(command), messages));
    }
    try {
      ApplicationView created = applications.record(command, actor);
      redirect.addFlashAttribute(
          "notice",
          messages.getMessage("application.saved", null, LocaleContextHolder.getLocale()));
      return "redirect:/registrations/" + created.id();
    } catch (DomainException e) {
      return form(model, command, FormErrors.of(e, messages));
    }
  }

  @GetMapping("/registrations/{id}")
  String detail(@PathVariable UUID id, Actor actor, Model model) {
    return detailPage(
        applications.get(new ApplicationId(id), actor), actor, model, FormErrors.none());
  }

  /** The acceptance receipt (离婚登记申请受理回执单), read as the application page is. */
  @GetMapping("/registrations/{id}/receipt.pdf")
  ResponseEntity<byte[]> receipt(@PathVariable UUID id, Actor actor) {
    return pdf(documents.receipt(new ApplicationId(id), actor), "receipt", id);
  }

  /** The withdrawal confirmation (撤回离婚登记申请确认单): 404 unless the application was withdrawn. */
  @GetMapping("/registrations/{id}/withdrawal.pdf")
  ResponseEntity<byte[]> withdrawalConfirmation(@PathVariable UUID id, Actor actor) {
    return pdf(documents.withdrawalConfirmation(new ApplicationId(id), actor), "withdrawal", id);
  }

  /**
   * Opened in the browser's viewer to print, never cached (it carries personal data), named in
   * Chinese (RFC 5987 {@code filename*}) with a plain ASCII name for clients that lack it.
   */
  private static ResponseEntity<byte[]> pdf(
      ApplicationDocuments.Printed printed, String asciiName, UUID id) {
    String suffix = "-" + id.toString().substring(0, 8) + ".pdf";
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "inline; filename=\""
                + asciiName
                + suffix
                + "\"; filename*=UTF-8''"
                + rfc5987(printed.title() + suffix))
        .cacheControl(CacheControl.noStore())
        .body(printed.pdf());
  }

  /** Percent-encodes every byte outside RFC 5987's attr-char set. */
  private static String rfc5987(String value) {
    StringBuilder out = new StringBuilder();
    for (byte b : value.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || "!#$&+-.^_`|~".indexOf(c) >= 0) {
        out.append(c);
      } else {
        out.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return out.toString();
  }

  /**
   * The first step of recording an outcome: the move is checked, nothing is recorded, and a page
   * names the couple, the day and who withdrew for the registrar to confirm.
   */
  @PostMapping("/registrations/{id}/outcome")
  String checkOutcome(
      @PathVariable UUID id,
      Actor actor,
      @ModelAttribute OutcomeChoice choice,
      BindingResult binding,
      Model model) {
    ApplicationId applicationId = new ApplicationId(id);
    applications.requireRecorderOf(applicationId, actor);
    if (binding.hasErrors()) {
      return refused(applicationId, actor, model, binding, choice);
    }
    String by = choice.by();
    try {
      LocalDate day = choice.day();
      ApplicationView application =
          choice.certificate()
              ? applications.checkCertificate(applicationId, day, actor)
              : applications.checkWithdrawal(applicationId, day, by, actor);
      model.addAttribute("application", application);
      model.addAttribute("choice", choice);
      model.addAttribute("summary", summary(application, choice));
      return "registration/outcomeConfirm";
    } catch (DomainException e) {
      return detailPage(
          applications.get(applicationId, actor), actor, model, FormErrors.of(e, messages), choice);
    }
  }

  /**
   * Counseling offered after the application was recorded: the couple declined it, or accepted it
   * (it then joins casework's referral queue). Until the outcome.
   */
  @PostMapping("/registrations/{id}/counseling")
  String counseling(
      @PathVariable UUID id,
      Actor actor,
      @RequestParam(defaultValue = "false") boolean accepted,
      Model model,
      RedirectAttributes redirect) {
    ApplicationId applicationId = new ApplicationId(id);
    applications.requireRecorderOf(applicationId, actor);
    try {
      applications.recordCounseling(applicationId, accepted, actor);
      redirect.addFlashAttribute(
          "notice",
          text(
              accepted
                  ? "application.counseling.later.acceptedDone"
                  : "application.counseling.later.declinedDone"));
      return "redirect:/registrations/" + id;
    } catch (DomainException e) {
      return detailPage(
          applications.get(applicationId, actor),
          actor,
          model,
          FormErrors.of(e, messages),
          OutcomeChoice.none());
    }
  }

  /** The outcome form again, with the fields that could not be read (a control character). */
  private String refused(
      ApplicationId id, Actor actor, Model model, BindingResult binding, OutcomeChoice choice) {
    return detailPage(
        applications.get(id, actor), actor, model, FormErrors.of(binding, messages), choice);
  }

  @PostMapping("/registrations/{id}/withdrawal")
  String withdraw(
      @PathVariable UUID id,
      Actor actor,
      @ModelAttribute OutcomeChoice typed,
      BindingResult binding,
      Model model,
      RedirectAttributes redirect) {
    applications.requireRecorderOf(new ApplicationId(id), actor);
    OutcomeChoice choice = new OutcomeChoice(OutcomeChoice.WITHDRAW, typed.on(), typed.by());
    if (binding.hasErrors()) {
      return refused(new ApplicationId(id), actor, model, binding, choice);
    }
    String on = choice.on();
    String by = choice.by();
    try {
      ApplicationView done = applications.withdraw(new ApplicationId(id), choice.day(), by, actor);
      redirect.addFlashAttribute(
          "notice", text("application.done.withdraw", withdrawer(done, by), on));
      return "redirect:/registrations/" + id;
    } catch (DomainException e) {
      return detailPage(
          applications.get(new ApplicationId(id), actor),
          actor,
          model,
          FormErrors.of(e, messages),
          choice);
    }
  }

  @PostMapping("/registrations/{id}/certificate")
  String certificate(
      @PathVariable UUID id,
      Actor actor,
      @ModelAttribute OutcomeChoice typed,
      BindingResult binding,
      Model model,
      RedirectAttributes redirect) {
    applications.requireRecorderOf(new ApplicationId(id), actor);
    OutcomeChoice choice = new OutcomeChoice(OutcomeChoice.CERTIFICATE, typed.on(), null);
    if (binding.hasErrors()) {
      return refused(new ApplicationId(id), actor, model, binding, choice);
    }
    String on = choice.on();
    try {
      applications.issueCertificate(new ApplicationId(id), choice.day(), actor);
      redirect.addFlashAttribute("notice", text("application.done.certificate", on));
      return "redirect:/registrations/" + id;
    } catch (DomainException e) {
      return detailPage(
          applications.get(new ApplicationId(id), actor),
          actor,
          model,
          FormErrors.of(e, messages),
          choice);
    }
  }

  /** What the confirmation says will happen, with the couple's names and the day. */
  private String summary(ApplicationView a, OutcomeChoice choice) {
    return choice.certificate()
        ? text("application.confirm.certificate", a.partyA().name(), a.partyB().name(), choice.on())
        : text(
            "application.confirm.withdraw",
            a.partyA().name(),
            a.partyB().name(),
            withdrawer(a, choice.by()),
            choice.on());
  }

  /** Who withdrew, in words: a party's name, or both. */
  private String withdrawer(ApplicationView a, String by) {
    String party = by == null ? "BOTH" : by.strip().toUpperCase(java.util.Locale.ROOT);
    return switch (party) {
      case "A" -> a.partyA().name();
      case "B" -> a.partyB().name();
      default -> text("application.withdrawnBy.both", a.partyA().name(), a.partyB().name());
    };
  }

  private String text(String key, Object... args) {
    return messages.getMessage(key, args, LocaleContextHolder.getLocale());
  }

  private String detailPage(
      ApplicationView application, Actor actor, Model model, FormErrors errors) {
    return detailPage(application, actor, model, errors, OutcomeChoice.none());
  }

  private String detailPage(
      ApplicationView application,
      Actor actor,
      Model model,
      FormErrors errors,
      OutcomeChoice choice) {
    model.addAttribute("application", application);
    model.addAttribute(
        "canAct", policy.mayRecord(actor) && application.outcome() == Outcome.PENDING);
    model.addAttribute("errors", errors);
    model.addAttribute("choice", choice);
    model.addAttribute("withdrawer", withdrawer(application, application.withdrawnBy()));
    return "registration/application";
  }

  private String form(Model model, RecordApplication command, FormErrors errors) {
    model.addAttribute("command", command);
    model.addAttribute("errors", errors);
    return "registration/applicationForm";
  }
}
