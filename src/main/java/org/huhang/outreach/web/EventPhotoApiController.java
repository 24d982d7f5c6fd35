package org.huhang.outreach.web;

import java.util.List;
import java.util.UUID;
import org.huhang.outreach.EventPhotoView;
import org.huhang.outreach.OutreachEventId;
import org.huhang.outreach.OutreachEvents;
import org.huhang.outreach.internal.EventPhotos;
import org.huhang.shared.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The photos of an event under /api/v1/outreach-events/{id}/photos: list, add, read, remove. */
@RestController
@RequestMapping("/api/v1/outreach-events/{id}/photos")
class EventPhotoApiController {

  private final EventPhotos photos;
  private final OutreachEvents events;

  EventPhotoApiController(EventPhotos photos, OutreachEvents events) {
    this.photos = photos;
    this.events = events;
  }

  @GetMapping
  List<EventPhotoView> list(@PathVariable OutreachEventId id, Actor actor) {
    return photos.list(id, actor);
  }

  /** One photo (multipart {@code file}, optional {@code caption}): 201 with its id. */
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  EventPhotoView add(
      @PathVariable OutreachEventId id,
      Actor actor,
      @RequestParam(value = "file", required = false) MultipartFile file,
      @RequestParam(value = "caption", required = false) String caption) {
    events.requireEditor(id, actor);
    return photos
        .add(id, PhotoUploads.of(file == null ? List.of() : List.of(file)), caption, actor)
        .get(0);
  }

  @GetMapping("/{photoId}/content")
  ResponseEntity<byte[]> content(
      @PathVariable OutreachEventId id, @PathVariable UUID photoId, Actor actor) {
    return PhotoUploads.served(photos.picture(id, photoId, false, actor), photoId);
  }

  @DeleteMapping("/{photoId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void remove(@PathVariable OutreachEventId id, @PathVariable UUID photoId, Actor actor) {
    photos.remove(id, photoId, actor);
  }
}
