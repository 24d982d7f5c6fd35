package org.huhang.registration.internal;

/** A day of the holiday notice: a public holiday day off, or a weekend day moved to work. */
public enum DayKind {
  OFF,
  WORK
}
