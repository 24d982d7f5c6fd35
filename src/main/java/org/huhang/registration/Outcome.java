package org.huhang.registration;

/**
 * Where an application stands: open, withdrawn, deemed withdrawn, or divorce certificate issued.
 */
public enum Outcome {
  PENDING,
  WITHDRAWN,
  DEEMED_WITHDRAWN,
  DIVORCED
}
