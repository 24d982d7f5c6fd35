package org.huhang.outreach.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.huhang.audit.AuditTrail;
import org.huhang.outreach.EventPhotoView;
import org.huhang.outreach.OutreachEventId;
import org.huhang.shared.Actor;
import org.huhang.shared.DomainException;
import org.huhang.shared.DomainException.FieldProblem;
import org.huhang.shared.NotFoundException;
import org.huhang.shared.text.ControlCharacters;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The photos of outreach events: everyone who reads an event sees its photos; whoever may edit the
 * event adds and removes them. The event's scope is a parameter of every query: a photo of an event
 * outside it answers 404, as the event does.
 */
@Service
public class EventPhotos {

  /** How many photos one event keeps: a gallery, not an archive. */
  public static final int MAX_PER_EVENT = 20;

  public static final int MAX_CAPTION = 100;

  /** Megabytes per photo, as the upload form and its messages say it. */
  public static final int MAX_MEGABYTES = PhotoImages.MAX_BYTES / (1024 * 1024);

  /**
   * What one upload may carry in all: spring.servlet.multipart.max-request-size (21 MB) less room
   * for the other fields. The form checks it before sending and says to upload in several goes.
   */
  public static final int MAX_TOTAL_MEGABYTES = 20;

  /** An uploaded file as the web layer hands it over: bytes and the name shown in a message. */
  public record Upload(byte[] content, String name) {}

  /** A picture to serve: its bytes and the content type found in them on upload. */
  public record Picture(String contentType, byte[] bytes) {}

  private static final String VIEW_COLUMNS =
      "p.id, p.event_id, p.content_type, p.width, p.height, p.size_bytes, p.caption,"
          + " p.uploaded_by, p.uploaded_at";

  private final JdbcClient jdbc;
  private final OutreachPolicy policy;
  private final OutreachRegistry registry;
  private final AuditTrail audit;
  private final Clock clock;

  EventPhotos(
      JdbcClient jdbc,
      OutreachPolicy policy,
      OutreachRegistry registry,
      AuditTrail audit,
      Clock clock) {
    this.jdbc = jdbc;
    this.policy = policy;
    this.registry = registry;
    this.audit = audit;
    this.clock = clock;
  }

  /** The photos of an event the actor sees (404 otherwise), oldest first. */
  @Transactional(readOnly = true)
  public List<EventPhotoView> list(OutreachEventId event, Actor actor) {
    String scope = policy.scope(actor);
    visible(event.value(), scope);
    return jdbc.sql(
            "select "
                + VIEW_COLUMNS
                + " from outreach.event_photo p where p.event_id = :e order by p.uploaded_at, p.id")
        .param("e", event.value())
        .query(EventPhotos::view)
        .list();
  }

  /** Whether the actor may add and remove photos of this event (which it sees). */
  public boolean mayEdit(OutreachEventId event, Actor actor) {
    try {
      registry.requireEditor(event, actor);
      return true;
    } catch (org.huhang.shared.ForbiddenException e) {
      return false;
    }
  }

  /** The full photo or its thumbnail, if the actor sees its event; else 404 (403 a registrar). */
  @Transactional(readOnly = true)
  public Picture picture(OutreachEventId event, UUID photo, boolean thumbnail, Actor actor) {
    String scope = policy.scope(actor);
    String column = thumbnail ? "p.thumbnail" : "p.original";
    return jdbc.sql(
            "select p.content_type, "
                + column
                + " as bytes from outreach.event_photo p join outreach.outreach_event e"
                + " on e.id = p.event_id where p.id = :p and p.event_id = :e"
                + " and e.region_path like :scope")
        .param("p", photo)
        .param("e", event.value())
        .param("scope", scope)
        .query(
            (rs, n) ->
                new Picture(
                    thumbnail ? "image/jpeg" : rs.getString("content_type"), rs.getBytes("bytes")))
        .optional()
        .orElseThrow(() -> new NotFoundException("event photo"));
  }

  /** One photo's metadata, if the actor sees its event. */
  @Transactional(readOnly = true)
  public EventPhotoView get(OutreachEventId event, UUID photo, Actor actor) {
    String scope = policy.scope(actor);
    return jdbc.sql(
            "select "
                + VIEW_COLUMNS
                + " from outreach.event_photo p join outreach.outreach_event e on e.id = p.event_id"
                + " where p.id = :p and p.event_id = :e and e.region_path like :scope")
        .param("p", photo)
        .param("e", event.value())
        .param("scope", scope)
        .query(EventPhotos::view)
        .optional()
        .orElseThrow(() -> new NotFoundException("event photo"));
  }

  /**
   * Adds photos to an event the actor may edit, all or none: every file is checked by its content
   * first, every problem reported at once (naming the file when there are several). The event row
   * is locked while counting, so two uploads at once cannot pass the limit together.
   */
  @Transactional
  public List<EventPhotoView> add(
      OutreachEventId event, List<Upload> uploads, String caption, Actor actor) {
    registry.requireEditor(event, actor);
    List<FieldProblem> problems = new ArrayList<>();
    String cleanCaption = null;
    if (caption != null && !caption.isBlank()) {
      if (ControlCharacters.present(caption)) {
        problems.add(new FieldProblem("caption", "outreach.text.control", new Object[0]));
      } else if (caption.strip().length() > MAX_CAPTION) {
        problems.add(
            new FieldProblem("caption", "outreach.photo.caption.size", new Object[] {MAX_CAPTION}));
      } else {
        cleanCaption = caption.strip();
      }
    }
    List<Upload> files = uploads.stream().filter(u -> u.content().length > 0).toList();
    if (files.isEmpty()) {
      problems.add(new FieldProblem("file", "outreach.photo.required", new Object[0]));
    }
    List<PhotoImages.Processed> processed = new ArrayList<>();
    for (Upload upload : files) {
      try {
        processed.add(PhotoImages.process(upload.content(), "file"));
      } catch (DomainException e) {
        for (FieldProblem p : e.problems()) {
          problems.add(files.size() == 1 ? p : named(p, upload.name()));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new DomainException(problems);
    }
    jdbc.sql("select id from outreach.outreach_event where id = :e for update")
        .param("e", event.value())
        .query(UUID.class)
        .single();
    long stored =
        jdbc.sql("select count(*) from outreach.event_photo where event_id = :e")
            .param("e", event.value())
            .query(Long.class)
            .single();
    if (stored + processed.size() > MAX_PER_EVENT) {
      throw DomainException.of(
          "file", "outreach.photo.tooMany", MAX_PER_EVENT, Math.max(0, MAX_PER_EVENT - stored));
    }
    Instant now = Instant.now(clock);
    List<EventPhotoView> added = new ArrayList<>();
    for (PhotoImages.Processed p : processed) {
      UUID id = UUID.randomUUID();
      jdbc.sql(
              """
              insert into outreach.event_photo (id, event_id, content_type, width, height,
                size_bytes, caption, original, thumbnail, uploaded_by, uploaded_at)
              values (:id, :e, :type, :w, :h, :size, :caption, :original, :thumbnail, :by, :at)""")
          .param("id", id)
          .param("e", event.value())
          .param("type", p.contentType())
          .param("w", p.width())
          .param("h", p.height())
          .param("size", p.original().length)
          .param("caption", cleanCaption)
          .param("original", p.original())
          .param("thumbnail", p.thumbnail())
          .param("by", actor.username())
          .param("at", Timestamp.from(now))
          .update();
      audit.recordWrite("outreach.photo.add", "event_photo", id.toString());
      added.add(
          new EventPhotoView(
              id,
              event,
              p.contentType(),
              p.width(),
              p.height(),
              p.original().length,
              cleanCaption,
              actor.username(),
              now));
    }
    return added;
  }

  /** Removes a photo of an event the actor may edit. */
  @Transactional
  public void remove(OutreachEventId event, UUID photo, Actor actor) {
    registry.requireEditor(event, actor);
    int removed =
        jdbc.sql("delete from outreach.event_photo where id = :p and event_id = :e")
            .param("p", photo)
            .param("e", event.value())
            .update();
    if (removed == 0) {
      throw new NotFoundException("event photo");
    }
    audit.recordWrite("outreach.photo.remove", "event_photo", photo.toString());
  }

  private void visible(UUID event, String scope) {
    boolean seen =
        jdbc.sql(
                "select exists (select 1 from outreach.outreach_event"
                    + " where id = :e and region_path like :scope)")
            .param("e", event)
            .param("scope", scope)
            .query(Boolean.class)
            .single();
    if (!seen) {
      throw new NotFoundException("outreach event");
    }
  }

  /** A file's problem with the file named, when one upload holds several files. */
  private static FieldProblem named(FieldProblem p, String name) {
    String shown = name == null ? "" : ControlCharacters.removed(name);
    if (shown.length() > 60) {
      shown = shown.substring(0, 60) + "…";
    }
    Object[] args = new Object[p.args().length + 1];
    System.arraycopy(p.args(), 0, args, 1, p.args().length);
    args[0] = shown;
    return new FieldProblem(p.field(), p.messageKey() + ".named", args);
  }

  private static EventPhotoView view(ResultSet rs, int n) throws SQLException {
    return new EventPhotoView(
        rs.getObject("id", UUID.class),
        new OutreachEventId(rs.getObject("event_id", UUID.class)),
        rs.getString("content_type"),
        rs.getInt("width"),
        rs.getInt("height"),
        rs.getInt("size_bytes"),
        rs.getString("caption"),
        rs.getString("uploaded_by"),
        rs.getTimestamp("uploaded_at").toInstant());
  }
}
