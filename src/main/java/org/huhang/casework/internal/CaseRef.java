package org.huhang.casework.internal;

import java.util.UUID;
import org.huhang.casework.CaseStatus;
import org.huhang.casework.Risk;

/**
 * A case as access checks see it, with what the actor is to it: on its team, the manager of its
 * center, or an administrator of its region. Found only inside the actor's scope.
 */
public record CaseRef(
    UUID id,
    UUID centerId,
    String regionPath,
    CaseStatus status,
    Risk risk,
    long version,
    boolean onTeam,
    boolean managesCenter,
    boolean administers) {

  /** Works the case: intake, consent, screening, sessions, notes (the team and its manager). */
  public boolean works() {
    return onTeam || managesCenter;
  }

  public boolean closed() {
    return status == CaseStatus.CLOSED;
  }
}
