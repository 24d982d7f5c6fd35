package org.huhang.casework;

import java.time.LocalDate;

/**
 * What a follow-up found: whether the couple is together, whether they filed for divorce again
 * (each YES, NO or UNKNOWN), how they are (wellbeing notes, sealed), and the day of the contact.
 */
public record RecordFollowUp(
    Answer together, Answer filedAgain, String wellbeing, LocalDate doneOn) {

  /** Yes, no, or not known (the couple would not say, or only one could be reached). */
  public enum Answer {
    YES,
    NO,
    UNKNOWN;

    public Boolean asBoolean() {
      return this == UNKNOWN ? null : this == YES;
    }

    public static Answer of(Boolean value) {
      return value == null ? UNKNOWN : value ? YES : NO;
    }
  }
}
