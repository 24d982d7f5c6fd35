package org.huhang.casework.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * When a session's notes stop being editable: 24 hours after they were first saved. Until then the
 * counselor corrects them in place; from then on the record stands as written and a correction is a
 * dated addendum beside it, never an edit (so what supervision or a court once read is what it
 * reads later).
 */
public final class NoteLock {

  public static final Duration WINDOW = Duration.ofHours(24);

  private NoteLock() {}

  /** The moment notes first saved at {@code firstSaved} lock. */
  public static Instant locksAt(Instant firstSaved) {
    return firstSaved.plus(WINDOW);
  }

  /** Locked at and after 24 hours from the first save; notes never saved are not locked. */
  public static boolean locked(Instant firstSaved, Instant now) {
    return firstSaved != null && !now.isBefore(locksAt(firstSaved));
  }

  /** The notes may be written (again) now. */
  public static boolean editable(Instant firstSaved, Instant now) {
    return !locked(firstSaved, now);
  }

  /** An addendum corrects locked notes; before the lock the notes themselves are corrected. */
  public static boolean addendumAllowed(Instant firstSaved, Instant now) {
    return locked(firstSaved, now);
  }
}
