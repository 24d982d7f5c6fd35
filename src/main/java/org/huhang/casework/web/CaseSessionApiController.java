package org.huhang.casework.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.huhang.casework.ScheduleSession;
import org.huhang.casework.SessionNotes;
import org.huhang.casework.internal.CaseSessions;
import org.huhang.casework.internal.SessionRecord;
import org.huhang.casework.internal.SessionView;
import org.huhang.shared.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A case's sessions under /api/v1/cases/{id}/sessions: schedule (409 for a joint session the safety
 * rules refuse), cancel, the notes (read only by the case's team and center manager), addenda and
 * supervision comments.
 */
@RestController
@RequestMapping("/api/v1/cases/{id}/sessions")
class CaseSessionApiController {

  /** The text of an addendum or a supervision comment. */
  record TextBody(String text) {}

  private final CaseSessions sessions;

  CaseSessionApiController(CaseSessions sessions) {
    this.sessions = sessions;
  }

  @GetMapping
  List<SessionView> list(@PathVariable UUID id, Actor actor) {
    return sessions.list(id, actor);
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  SessionView schedule(@PathVariable UUID id, @RequestBody ScheduleSession body, Actor actor) {
    UUID sid = sessions.schedule(id, body, actor);
    return sessions.get(id, sid, actor);
  }

  @GetMapping("/{sid}")
  SessionView get(@PathVariable UUID id, @PathVariable UUID sid, Actor actor) {
    return sessions.get(id, sid, actor);
  }

  @PostMapping("/{sid}/cancel")
  SessionView cancel(@PathVariable UUID id, @PathVariable UUID sid, Actor actor) {
    sessions.cancel(id, sid, actor);
    return sessions.get(id, sid, actor);
  }

  /** Notes, addenda and supervision comments: audited, for those who work the case only. */
  @GetMapping("/{sid}/notes")
  SessionRecord notes(@PathVariable UUID id, @PathVariable UUID sid, Actor actor) {
    return sessions.record(id, sid, actor);
  }

  /**
   * Writes the notes; {@code version} is the session version the writer read (from GET), so that a
   * save over someone else's answers 409.
   */
  @PutMapping("/{sid}/notes")
  SessionView saveNotes(
      @PathVariable UUID id,
      @PathVariable UUID sid,
      @RequestBody SessionNotes body,
      @RequestParam(required = false) Long version,
      Actor actor) {
    return sessions.saveNotes(id, sid, body, version, actor);
  }

  @PostMapping("/{sid}/addenda")
  @ResponseStatus(HttpStatus.CREATED)
  Map<String, UUID> addAddendum(
      @PathVariable UUID id, @PathVariable UUID sid, @RequestBody TextBody body, Actor actor) {
    return Map.of("id", sessions.addAddendum(id, sid, body.text(), actor));
  }

  @PostMapping("/{sid}/comments")
  @ResponseStatus(HttpStatus.CREATED)
  Map<String, UUID> comment(
      @PathVariable UUID id, @PathVariable UUID sid, @RequestBody TextBody body, Actor actor) {
    return Map.of("id", sessions.comment(id, sid, body.text(), actor));
  }
}
