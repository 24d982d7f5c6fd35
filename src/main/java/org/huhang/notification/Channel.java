package org.huhang.notification;

/** How a notice reaches its recipient. */
public enum Channel {
  /** A text message to a mobile number; never names the other party nor any case content. */
  SMS,
  /** An e-mail through Spring's mail support. */
  EMAIL,
  /** The in-app inbox of a staff user. */
  INBOX
}
