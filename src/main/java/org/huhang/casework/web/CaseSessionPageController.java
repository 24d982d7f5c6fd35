package org.huhang.casework.web;

import java.util.List;
import java.util.UUID;
import org.huhang.casework.CaseDetail;
import org.huhang.casework.CaseId;
import org.huhang.casework.Risk;
import org.huhang.casework.ScheduleSession;
import org.huhang.casework.SessionNotes;
import org.huhang.casework.internal.CaseAccess;
import org.huhang.casework.internal.CaseFile;
import org.huhang.casework.internal.CaseRef;
import org.huhang.casework.internal.CaseSessions;
import org.huhang.casework.internal.NoteLock;
import org.huhang.casework.internal.SessionRecord;
import org.huhang.casework.internal.SessionView;
import org.huhang.shared.Actor;
import org.huhang.shared.DomainException;
import org.huhang.shared.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A case's sessions tab (the list and the schedule form) and one session's page: its six-step notes
 * form, read-only once locked with the addenda beneath, and the supervision comments.
 */
@Controller
class CaseSessionPageController {

  private final CaseFile cases;
  private final CaseAccess access;
  private final CaseSessions sessions;
  private final MessageSource messages;

  private final org.huhang.casework.internal.ConsentGate consent;

  CaseSessionPageController(
      CaseFile cases,
      CaseAccess access,
      CaseSessions sessions,
      org.huhang.casework.internal.ConsentGate consent,
      MessageSource messages) {
    this.consent = consent;
    this.cases = cases;
    this.access = access;
    this.sessions = sessions;
    this.messages = messages;
  }

  @GetMapping("/cases/{id}/sessions")
  String list(@PathVariable UUID id, Actor actor, Model model) {
    return listPage(id, actor, model, emptySchedule(), FormErrors.none());
  }

  @PostMapping("/cases/{id}/sessions")
  String schedule(
      @PathVariable UUID id,
      @ModelAttribute("form") ScheduleSession form,
      BindingResult binding,
      Actor actor,
      Model model,
      RedirectAttributes redirect) {
    if (binding.hasErrors()) {
      return listPage(id, actor, model, form, FormErrors.of(binding, messages));
    }
    try {
      UUID sid = sessions.schedule(id, form, actor);
      redirect.addFlashAttribute("notice", text("sessions.schedule.done"));
      return "redirect:/cases/" + id + "/sessions/" + sid;
    } catch (DomainException e) {
      return listPage(id, actor, model, form, FormErrors.of(e, messages));
    }
  }

  @GetMapping("/cases/{id}/sessions/{sid}")
  String session(@PathVariable UUID id, @PathVariable UUID sid, Actor actor, Model model) {
    return sessionPage(
        id, sid, actor, model, null, null, FormErrors.none(), FormErrors.none(), FormErrors.none());
  }

  @PostMapping("/cases/{id}/sessions/{sid}/notes")
  String saveNotes(
      @PathVariable UUID id,
      @PathVariable UUID sid,
      @ModelAttribute("notes") SessionNotes notes,
      BindingResult binding,
      @RequestParam(required = false) Long version,
      Actor actor,
      Model model,
      RedirectAttributes redirect) {
    if (binding.hasErrors()) {
      return sessionPage(
          id,
          sid,
          actor,
          model,
          notes,
          version,
          FormErrors.of(binding, messages),
          FormErrors.none(),
          FormErrors.none());
    }
    try {
      sessions.saveNotes(id, sid, notes, version, actor);
      redirect.addFlashAttribute("notice", text("session.notes.saved"));
      return "redirect:/cases/" + id + "/sessions/" + sid;
    } catch (DomainException e) {
      return sessionPage(
          id,
          sid,
          actor,
          model,
          notes,
          version,
          FormErrors.of(e, messages),
          FormErrors.none(),
          FormErrors.none());
    }
  }

  @PostMapping("/cases/{id}/sessions/{sid}/addenda")
  String addAddendum(
      @PathVariable UUID id,
      @PathVariable UUID sid,
      @RequestParam(required = false) String text,
      Actor actor,
      Model model,
      RedirectAttributes redirect) {
    try {
      sessions.addAddendum(id, sid, text, actor);
      redirect.addFlashAttribute("notice", text("session.addendum.saved"));
      return "redirect:/cases/" + id + "/sessions/" + sid;
    } catch (DomainException e) {
      model.addAttribute("addendumText", text);
      return sessionPage(
          id,
          sid,
          actor,
          model,
          null,
          null,
          FormErrors.none(),
          FormErrors.of(e, messages),
          FormErrors.none());
    }
  }

  @PostMapping("/cases/{id}/sessions/{sid}/comments")
  String comment(
      @PathVariable UUID id,
      @PathVariable UUID sid,
      @RequestParam(required = false) String text,
      Actor actor,
      Model model,
      RedirectAttributes redirect) {
    try {
      sessions.comment(id, sid, text, actor);
      redirect.addFlashAttribute("notice", text("session.supervision.saved"));
      return "redirect:/cases/" + id + "/sessions/" + sid;
    } catch (DomainException e) {
      model.addAttribute("commentText", text);
      return sessionPage(
          id,
          sid,
          actor,
          model,
          null,
          null,
          FormErrors.none(),
          FormErrors.none(),
          FormErrors.of(e, messages));
    }
  }

  @PostMapping("/cases/{id}/sessions/{sid}/cancel")
  String cancel(
      @PathVariable UUID id,
      @PathVariable UUID sid,
      Actor actor,
      Model model,
      RedirectAttributes redirect) {
    try {
      sessions.cancel(id, sid, actor);
      redirect.addFlashAttribute("notice", text("session.cancel.done"));
      return "redirect:/cases/" + id + "/sessions";
    } catch (DomainException e) {
      return sessionPage(
          id,
          sid,
          actor,
          model,
          null,
          null,
          FormErrors.of(e, messages),
          FormErrors.none(),
          FormErrors.none());
    }
  }

  private String listPage(
      UUID id, Actor actor, Model model, ScheduleSession form, FormErrors errors) {
    CaseDetail detail = cases.get(new CaseId(id), actor);
    CaseRef ref = access.find(id, actor);
    String refusal = sessions.jointRefusal(id, actor);
    model.addAttribute("c", detail);
    model.addAttribute("sessions", sessions.list(id, actor));
    model.addAttribute("team", sessions.team(id, actor));
    model.addAttribute("mayWork", ref.works() && !ref.closed());
    model.addAttribute("highRisk", detail.risk() == Risk.HIGH);
    model.addAttribute("jointRefusal", refusal == null ? null : text(refusal));
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    return "casework/caseSessions";
  }

  private String sessionPage(
      UUID id,
      UUID sid,
      Actor actor,
      Model model,
      SessionNotes typed,
      Long typedVersion,
      FormErrors errors,
      FormErrors addendumErrors,
      FormErrors commentErrors) {
    CaseDetail detail = cases.get(new CaseId(id), actor);
    CaseRef ref = access.find(id, actor);
    SessionView session = sessions.get(id, sid, actor);
    SessionRecord record = ref.works() ? sessions.record(id, sid, actor) : null;
    boolean started = !session.scheduledAt().isAfter(sessions.now());
    boolean mayWork = ref.works() && !ref.closed();
    SessionNotes shown =
        typed != null
            ? typed
            : record != null && record.notes() != null
                ? record.notes()
                : new SessionNotes(null, null, null, null, null);
    model.addAttribute("c", detail);
    model.addAttribute("s", session);
    model.addAttribute("record", record);
    model.addAttribute("notes", shown);
    model.addAttribute(
        "version", typedVersion != null ? typedVersion : Long.valueOf(session.version()));
    model.addAttribute(
        "mayWriteNotes", mayWork && !session.cancelled() && started && !session.locked());
    model.addAttribute("started", started);
    // A party that has not consented (or withdrew) to sensitive processing: nothing about it can
    // be written, so its six steps are not offered as fields to fill.
    model.addAttribute(
        "withoutConsent",
        session.attendees().parties().stream()
            .filter(
                p ->
                    !consent.inForce(
                        ref.id(), p, org.huhang.casework.ConsentPurpose.SENSITIVE_PROCESSING))
            .collect(java.util.stream.Collectors.toSet()));
    model.addAttribute("mayCancel", mayWork && session.scheduled());
    model.addAttribute(
        "mayAddAddendum",
        ref.works() && NoteLock.addendumAllowed(session.notesSavedAt(), sessions.now()));
    model.addAttribute("mayComment", ref.managesCenter());
    model.addAttribute("errors", errors);
    model.addAttribute("addendumErrors", addendumErrors);
    model.addAttribute("commentErrors", commentErrors);
    return "casework/session";
  }

  private static ScheduleSession emptySchedule() {
    return new ScheduleSession(null, 60, null, null, null, false, List.of());
  }

  private String text(String key, Object... args) {
    return messages.getMessage(key, args, LocaleContextHolder.getLocale());
  }
}
