package org.huhang.casework.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.huhang.casework.PartyRole;
import org.huhang.casework.Risk;
import org.junit.jupiter.api.Test;

/** Each reason a joint session is refused, in the order a counselor has to put things right. */
class JointSessionRuleTest {

  static final Set<PartyRole> BOTH = Set.of(PartyRole.A, PartyRole.B);

  @Test
  void aCaseWithOnePartyHasNoJointSession() {
    assertThat(JointSessionRule.refusal(Set.of(PartyRole.A), Set.of(PartyRole.A), Risk.LOW, false))
        .contains("session.joint.oneParty");
  }

  @Test
  void aHighRiskCaseNeverHasOneEvenApprovedOrBeforeTheSecondScreening() {
    assertThat(JointSessionRule.refusal(BOTH, BOTH, Risk.HIGH, true))
        .contains("session.joint.highRisk");
    assertThat(JointSessionRule.refusal(BOTH, Set.of(PartyRole.A), Risk.HIGH, false))
        .contains("session.joint.highRisk");
  }

  @Test
  void bothPartiesAreScreenedFirst() {
    assertThat(JointSessionRule.refusal(BOTH, Set.of(), Risk.UNSCREENED, false))
        .contains("session.joint.unscreened");
    assertThat(JointSessionRule.refusal(BOTH, Set.of(PartyRole.B), Risk.LOW, false))
        .contains("session.joint.unscreened");
    // Even an approval given after one ELEVATED screening does not replace the other's screening.
    assertThat(JointSessionRule.refusal(BOTH, Set.of(PartyRole.A), Risk.ELEVATED, true))
        .contains("session.joint.unscreened");
  }

  @Test
  void anElevatedCaseNeedsAManagersApproval() {
    assertThat(JointSessionRule.refusal(BOTH, BOTH, Risk.ELEVATED, false))
        .contains("session.joint.needsApproval");
    assertThat(JointSessionRule.refusal(BOTH, BOTH, Risk.ELEVATED, true)).isEmpty();
  }

  @Test
  void aLowRiskCaseScreenedOnBothSidesMayHaveOne() {
    assertThat(JointSessionRule.refusal(BOTH, BOTH, Risk.LOW, false)).isEmpty();
  }
}
