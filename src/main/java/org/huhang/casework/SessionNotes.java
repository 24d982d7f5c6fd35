package org.huhang.casework;

/**
 * The notes of a held session: the six steps for each party who attended, then free notes, the
 * actions agreed and the next appointment. Stored as one JSON document sealed with the data key
 * ({@code casework.session.notes_cipher}); every read and write is audited.
 */
public record SessionNotes(
    SixSteps partyA,
    SixSteps partyB,
    String freeNotes,
    String agreedActions,
    String nextAppointment) {

  @Override
  public String toString() {
    return "SessionNotes[***]";
  }
}
