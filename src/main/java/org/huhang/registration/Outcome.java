package org.huhang.registration;

/**
 * Where an application stands. Under the cooling-off period: open, withdrawn, deemed withdrawn, or
 * divorce certificate issued. Before 2021 ({@link Regime#PRE_CIVIL_CODE}), decided on the spot:
 * registered (准予登记) or cancelled or postponed (取消或暂缓).
 */
public enum Outcome {
  PENDING,
  WITHDRAWN,
  DEEMED_WITHDRAWN,
  DIVORCED,
  REGISTERED,
  CANCELLED_OR_POSTPONED
}
