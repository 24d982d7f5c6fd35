package org.huhang.casework;

import java.util.List;

/** Who of the spouses attends a session: one of them alone, or both together (a joint session). */
public enum Attendees {
  A,
  B,
  BOTH;

  /** The parties present. */
  public List<PartyRole> parties() {
    return switch (this) {
      case A -> List.of(PartyRole.A);
      case B -> List.of(PartyRole.B);
      case BOTH -> List.of(PartyRole.A, PartyRole.B);
    };
  }

  public boolean attends(PartyRole party) {
    return parties().contains(party);
  }
}
