package org.huhang.casework;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A follow-up of a closed case: when it is due, whether it is done and what it found (never the
 * wellbeing notes, which are read on their own, audited), and whether either party agreed to be
 * contacted.
 */
public record FollowUpView(
    UUID caseId,
    String couple,
    int months,
    LocalDate dueOn,
    LocalDate doneOn,
    RecordFollowUp.Answer together,
    RecordFollowUp.Answer filedAgain,
    String recordedBy,
    boolean consented,
    boolean hasNotes) {

  public boolean done() {
    return doneOn != null;
  }

  public boolean overdue(LocalDate today) {
    return doneOn == null && dueOn.isBefore(today);
  }

  public boolean due(LocalDate today) {
    return doneOn == null && !dueOn.isAfter(today);
  }
}
