package org.huhang.selfservice;

import org.huhang.casework.CaseStage;

/** What a family books a conversation about: the life-cycle stages of SPEC §1. */
public enum Topic {
  PREMARITAL(CaseStage.PREMARITAL),
  RELATIONSHIP(CaseStage.MARRIAGE),
  FAMILY_EDUCATION(CaseStage.FAMILY_EDUCATION),
  COOLING_OFF(CaseStage.DIVORCE_COOLING_OFF),
  CO_PARENTING(CaseStage.POST_DIVORCE);

  private final CaseStage stage;

  Topic(CaseStage stage) {
    this.stage = stage;
  }

  /** The stage of the case a booking on this topic is accepted into. */
  public CaseStage stage() {
    return stage;
  }
}
