package org.huhang.casework.internal;

import java.util.Optional;
import java.util.Set;
import org.huhang.casework.PartyRole;
import org.huhang.casework.Risk;

/**
 * Whether a joint session (both spouses in the room or on the line) may be scheduled, and if not,
 * why (a message key). The order of the checks is the order a counselor must put things right.
 */
public final class JointSessionRule {

  private JointSessionRule() {}

  /**
   * @param parties the spouses the case has
   * @param screened the spouses screened at least once
   * @param risk the case's risk (the highest any screening found)
   * @param approved whether a manager approved joint sessions for an ELEVATED case
   */
  public static Optional<String> refusal(
      Set<PartyRole> parties, Set<PartyRole> screened, Risk risk, boolean approved) {
    if (!parties.containsAll(Set.of(PartyRole.A, PartyRole.B))) {
      return Optional.of("session.joint.oneParty");
    }
    if (risk == Risk.HIGH) {
      return Optional.of("session.joint.highRisk");
    }
    if (!screened.containsAll(Set.of(PartyRole.A, PartyRole.B))) {
      return Optional.of("session.joint.unscreened");
    }
    if (risk == Risk.ELEVATED && !approved) {
      return Optional.of("session.joint.needsApproval");
    }
    return Optional.empty();
  }
}
