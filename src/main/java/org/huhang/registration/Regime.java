package org.huhang.registration;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which law an application was received under, decided by its received date alone: before the Civil
 * Code (2021-01-01) an application was registered or dropped on the spot, with no cooling-off
 * period; from that day on it runs the cooling-off clock. The one place this rule lives.
 */
public enum Regime {
  /** Received before 2021-01-01: no deadlines; 准予登记 or 取消或暂缓 on a date. */
  PRE_CIVIL_CODE(EnumSet.of(Outcome.REGISTERED, Outcome.CANCELLED_OR_POSTPONED)),
  /** Received from 2021-01-01: the cooling-off period and its outcomes. */
  COOLING_OFF(
      EnumSet.of(Outcome.PENDING, Outcome.WITHDRAWN, Outcome.DEEMED_WITHDRAWN, Outcome.DIVORCED));

  /** The day the Civil Code came into force, and with it the cooling-off period (art. 1077). */
  public static final LocalDate CIVIL_CODE = LocalDate.of(2021, 1, 1);

  private final Set<Outcome> outcomes;

  Regime(Set<Outcome> outcomes) {
    this.outcomes = outcomes;
  }

  /** The regime of an application received that day. */
  public static Regime of(LocalDate receivedOn) {
    if (receivedOn == null) {
      throw new IllegalArgumentException("receivedOn");
    }
    return receivedOn.isBefore(CIVIL_CODE) ? PRE_CIVIL_CODE : COOLING_OFF;
  }

  /** Whether an application of this regime may stand at that outcome. */
  public boolean allows(Outcome outcome) {
    return outcomes.contains(outcome);
  }

  public boolean coolingOff() {
    return this == COOLING_OFF;
  }
}
