package org.huhang.casework;

/** How a session takes place: in a room of the center, by telephone, or by video call. */
public enum SessionChannel {
  IN_PERSON,
  PHONE,
  VIDEO
}
