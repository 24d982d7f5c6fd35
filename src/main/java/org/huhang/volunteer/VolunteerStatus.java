package org.huhang.volunteer;

/** Whether a volunteer takes work. */
public enum VolunteerStatus {
  ACTIVE,
  PAUSED,
  LEFT
}
