package org.huhang.outreach.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import java.util.List;
import java.util.UUID;
import org.huhang.outreach.EventPhotoView;
import org.huhang.outreach.OutreachEventId;
import org.huhang.outreach.OutreachEvents;
import org.huhang.outreach.internal.EventPhotos;
import org.huhang.shared.Actor;
import org.huhang.shared.DomainException;
import org.huhang.shared.web.FormErrors;
import org.huhang.shared.web.Pages;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The photos of an event on its page: the gallery (a section the event page loads, and its own page
 * without JavaScript), the upload form, the pictures themselves and the removal of one.
 */
@Controller
class EventPhotoController {

  private final EventPhotos photos;
  private final OutreachEvents events;
  private final MessageSource messages;

  EventPhotoController(EventPhotos photos, OutreachEvents events, MessageSource messages) {
    this.photos = photos;
    this.events = events;
    this.messages = messages;
  }

  @GetMapping("/outreach-events/{id}/photos")
  String gallery(@PathVariable OutreachEventId id, Actor actor, HtmxRequest htmx, Model model) {
    return show(id, actor, htmx, model, FormErrors.none(), null, null);
  }

  @PostMapping("/outreach-events/{id}/photos")
  String upload(
      @PathVariable OutreachEventId id,
      Actor actor,
      HtmxRequest htmx,
      @RequestParam(value = "file", required = false) List<MultipartFile> files,
      @RequestParam(value = "caption", required = false) String caption,
      Model model,
      RedirectAttributes redirect) {
    events.requireEditor(id, actor);
    List<EventPhotoView> added;
    try {
      added = photos.add(id, PhotoUploads.of(files), caption, actor);
    } catch (DomainException e) {
      return show(id, actor, htmx, model, joined(e), caption, null);
    }
    if (Pages.isPartial(htmx)) {
      return show(id, actor, htmx, model, FormErrors.none(), null, added.size());
    }
    redirect.addFlashAttribute("notice", "outreach.photo.added.page");
    return "redirect:/outreach-events/" + id;
  }

  @GetMapping("/outreach-events/{id}/photos/{photoId}")
  ResponseEntity<byte[]> original(
      @PathVariable OutreachEventId id, @PathVariable UUID photoId, Actor actor) {
    return PhotoUploads.served(photos.picture(id, photoId, false, actor), photoId);
  }

  @GetMapping("/outreach-events/{id}/photos/{photoId}/thumbnail")
  ResponseEntity<byte[]> thumbnail(
      @PathVariable OutreachEventId id, @PathVariable UUID photoId, Actor actor) {
    return PhotoUploads.served(photos.picture(id, photoId, true, actor), photoId);
  }

  @GetMapping("/outreach-events/{id}/photos/{photoId}/delete")
  String confirmRemove(
      @PathVariable OutreachEventId id, @PathVariable UUID photoId, Actor actor, Model model) {
    events.requireEditor(id, actor);
    model.addAttribute("event", events.get(id, actor));
    model.addAttribute("photo", photos.get(id, photoId, actor));
    return "outreach/photoDelete";
  }

  @PostMapping("/outreach-events/{id}/photos/{photoId}/delete")
  String remove(
      @PathVariable OutreachEventId id,
      @PathVariable UUID photoId,
      Actor actor,
      RedirectAttributes redirect) {
    photos.remove(id, photoId, actor);
    redirect.addFlashAttribute("notice", "outreach.photo.removed");
    return "redirect:/outreach-events/" + id;
  }

  /**
   * Every problem of every file, each field's joined: one bad file of three is not the only one.
   */
  private FormErrors joined(DomainException e) {
    java.util.Map<String, String> byField = new java.util.LinkedHashMap<>();
    for (DomainException.FieldProblem p : e.problems()) {
      String text =
          messages.getMessage(
              p.messageKey(),
              p.args(),
              p.messageKey(),
              org.springframework.context.i18n.LocaleContextHolder.getLocale());
      byField.merge(p.field() == null ? "" : p.field(), text, (a, b) -> a + " " + b);
    }
    return new FormErrors(byField);
  }

  private String show(
      OutreachEventId id,
      Actor actor,
      HtmxRequest htmx,
      Model model,
      FormErrors errors,
      String caption,
      Integer added) {
    model.addAttribute("event", events.get(id, actor));
    model.addAttribute("photos", photos.list(id, actor));
    model.addAttribute("canEdit", photos.mayEdit(id, actor));
    model.addAttribute("errors", errors);
    model.addAttribute("caption", caption);
    model.addAttribute("added", added);
    model.addAttribute("maxPhotos", EventPhotos.MAX_PER_EVENT);
    model.addAttribute("maxMegabytes", EventPhotos.MAX_MEGABYTES);
    model.addAttribute("maxTotalMegabytes", EventPhotos.MAX_TOTAL_MEGABYTES);
    return Pages.fullOrPartial(htmx, "outreach/photoPage", "outreach/photos");
  }
}
