package org.huhang.center;

/** A county or city counseling center (辅导中心), or a village or community room (辅导室). */
public enum CenterKind {
  CENTER,
  ROOM
}
