package org.huhang.casework.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.huhang.casework.SessionNotes;
import org.huhang.shared.LegalTime;

/**
 * What was said in a session, for those who work the case: the notes (null before any), the dated
 * addenda, and the center manager's supervision comments. Reading it is audited.
 */
public record SessionRecord(
    SessionView session, SessionNotes notes, List<Note> addenda, List<Note> comments) {

  /** An addendum or a supervision comment: its text, who wrote it, when. */
  public record Note(UUID id, String text, String writtenBy, Instant writtenAt) {

    public LocalDateTime writtenAtLocal() {
      return LocalDateTime.ofInstant(writtenAt, LegalTime.ZONE);
    }

    @Override
    public String toString() {
      return "Note[" + id + "]";
    }
  }
}
