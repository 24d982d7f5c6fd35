package org.huhang.casework.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.huhang.casework.Attendees;
import org.huhang.casework.SessionChannel;
import org.huhang.shared.LegalTime;

/**
 * A session as lists, pages and the API show it to everyone who sees the case: when, how, who, and
 * whether it was held. Never what was said (that is {@link SessionRecord}, behind its audited
 * read).
 */
public record SessionView(
    UUID id,
    UUID caseId,
    Instant scheduledAt,
    int durationMinutes,
    SessionChannel channel,
    String place,
    Attendees attendees,
    boolean relativesPresent,
    List<UUID> counselors,
    List<String> counselorNames,
    String status,
    Instant notesSavedAt,
    String notesSavedBy,
    boolean locked,
    long version,
    String createdBy) {

  /** The wall time in China, as forms and pages show it. */
  public LocalDateTime start() {
    return LocalDateTime.ofInstant(scheduledAt, LegalTime.ZONE);
  }

  public boolean held() {
    return "HELD".equals(status);
  }

  public boolean scheduled() {
    return "SCHEDULED".equals(status);
  }

  public boolean cancelled() {
    return "CANCELLED".equals(status);
  }

  public boolean hasNotes() {
    return notesSavedAt != null;
  }

  /** When the notes lock (24 h after their first save); null before any. */
  public Instant locksAt() {
    return notesSavedAt == null ? null : NoteLock.locksAt(notesSavedAt);
  }

  public LocalDateTime locksAtLocal() {
    return notesSavedAt == null ? null : LocalDateTime.ofInstant(locksAt(), LegalTime.ZONE);
  }
}
