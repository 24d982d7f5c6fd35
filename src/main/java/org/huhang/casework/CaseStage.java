package org.huhang.casework;

/** Where in the life of a marriage or family a case is (SPEC §1 "Method"). */
public enum CaseStage {
  PREMARITAL,
  MARRIAGE,
  FAMILY_EDUCATION,
  DIVORCE_COOLING_OFF,
  POST_DIVORCE
}
