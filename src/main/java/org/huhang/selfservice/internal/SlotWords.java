package org.huhang.selfservice.internal;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.huhang.selfservice.HalfDaySlot;

/** A half-day as a text message says it: 12月3日（星期四）上午. */
final class SlotWords {

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("M月d日（EEEE）", Locale.SIMPLIFIED_CHINESE);

  private SlotWords() {}

  static String chinese(HalfDaySlot slot) {
    return DAY.format(slot.date()) + (slot.part() == HalfDaySlot.Part.AM ? "上午" : "下午");
  }
}
