package org.huhang.volunteer;

/** Hours spent serving families, or in training. */
public enum HoursKind {
  SERVICE,
  TRAINING
}
