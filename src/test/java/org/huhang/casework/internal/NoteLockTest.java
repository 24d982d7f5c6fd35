package org.huhang.casework.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Notes are corrected in place for 24 hours after their first save; then only by addenda. */
class NoteLockTest {

  static final Instant SAVED = Instant.parse("2026-11-03T02:15:00Z");

  @Test
  void notesNeverSavedAreEditableAndTakeNoAddendum() {
    assertThat(NoteLock.locked(null, SAVED)).isFalse();
    assertThat(NoteLock.editable(null, SAVED)).isTrue();
    assertThat(NoteLock.addendumAllowed(null, SAVED)).isFalse();
  }

  @Test
  void withinTwentyFourHoursOfTheFirstSaveTheNotesAreEditedNotAddedTo() {
    for (Duration later :
        new Duration[] {
          Duration.ZERO,
          Duration.ofMinutes(1),
          Duration.ofHours(23),
          Duration.ofHours(24).minusNanos(1)
        }) {
      Instant now = SAVED.plus(later);
      assertThat(NoteLock.editable(SAVED, now)).as("%s after", later).isTrue();
      assertThat(NoteLock.addendumAllowed(SAVED, now)).as("%s after", later).isFalse();
    }
  }

  @Test
  void atAndAfterTwentyFourHoursTheNotesAreLockedAndTakeAddenda() {
    for (Duration later :
        new Duration[] {Duration.ofHours(24), Duration.ofHours(25), Duration.ofDays(400)}) {
      Instant now = SAVED.plus(later);
      assertThat(NoteLock.locked(SAVED, now)).as("%s after", later).isTrue();
      assertThat(NoteLock.editable(SAVED, now)).as("%s after", later).isFalse();
      assertThat(NoteLock.addendumAllowed(SAVED, now)).as("%s after", later).isTrue();
    }
    assertThat(NoteLock.locksAt(SAVED)).isEqualTo(Instant.parse("2026-11-04T02:15:00Z"));
  }
}
