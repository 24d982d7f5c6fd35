package org.huhang.notification.internal;

import java.util.List;
import java.util.UUID;

/**
 * A due outbox row, opened for delivery: the address and arguments in plain text. It lives only for
 * one delivery; {@link #toString()} names neither.
 */
record Outgoing(
    UUID id,
    String address,
    UUID userId,
    String messageKey,
    List<String> args,
    byte[] argsCipher,
    String link) {

  @Override
  public String toString() {
    return "Outgoing[" + id + ", " + messageKey + "]";
  }
}
