package org.huhang.notification.internal;

import org.huhang.notification.Channel;

/**
 * One way a notice leaves the outbox. {@link Outgoing#id()} is the outbox row's id: every channel
 * passes it on as its idempotency key, so a delivery repeated after a crash is the same message
 * wherever the receiving end can tell. A delivery that fails throws; the worker records the
 * exception's class (or {@link Refused#code()}) and retries. {@link Undeliverable} ends the row as
 * SKIPPED: retrying would not help.
 */
interface NoticeChannel {

  Channel channel();

  void deliver(Outgoing message);

  /** This channel cannot carry the message at all (e-mail not configured): no retry. */
  final class Undeliverable extends RuntimeException {
    Undeliverable(String detail) {
      super(detail, null, false, false);
    }
  }
}
