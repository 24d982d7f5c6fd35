package org.huhang.casework;

/** Where a family in danger is referred for safety. */
public enum SafetyReferralKind {
  /** 公安机关家庭暴力告诫书. */
  POLICE_WARNING,
  /** 人身安全保护令; the federation may apply on the victim's behalf. */
  PROTECTION_ORDER,
  LEGAL_AID,
  SHELTER,
  HOSPITAL
}
