package org.huhang.volunteer;

import java.util.EnumSet;
import java.util.Set;

/** A half-day of the week a volunteer can serve; stored as one bit each. */
public enum HalfDay {
  MON_AM,
  MON_PM,
  TUE_AM,
  TUE_PM,
  WED_AM,
  WED_PM,
  THU_AM,
  THU_PM,
  FRI_AM,
  FRI_PM,
  SAT_AM,
  SAT_PM,
  SUN_AM,
  SUN_PM;

  public static int toBits(Set<HalfDay> slots) {
    int bits = 0;
    for (HalfDay s : slots) {
      bits |= 1 << s.ordinal();
    }
    return bits;
  }

  public static Set<HalfDay> fromBits(int bits) {
    Set<HalfDay> slots = EnumSet.noneOf(HalfDay.class);
    for (HalfDay s : values()) {
      if ((bits & (1 << s.ordinal())) != 0) {
        slots.add(s);
      }
    }
    return slots;
  }
}
