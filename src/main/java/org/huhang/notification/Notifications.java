package org.huhang.notification;

import java.util.List;
import java.util.UUID;
import org.huhang.notification.internal.Outbox;
import org.huhang.notification.internal.Recipients;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notification module's API. A module posts its notices in the transaction of the change that
 * causes them; the worker sends them. A notice whose event key was already posted is ignored.
 */
@Service
public class Notifications {

  private final Outbox outbox;
  private final Recipients recipients;

  Notifications(Outbox outbox, Recipients recipients) {
    this.outbox = outbox;
    this.recipients = recipients;
  }

  /** Posts one notice; false when its event key was already posted. Needs a transaction. */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean post(Notice notice) {
    return outbox.post(notice);
  }

  /**
   * Tells a staff user something: an item in its inbox and, when the user has given an e-mail
   * address and wants copies, an e-mail. {@code eventKey} names the event; the user is added.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void tellUser(
      String eventKey, UUID userId, String messageKey, List<String> args, String link) {
    outbox.post(Notice.inbox(eventKey + ":" + userId, userId, messageKey, args, link));
    recipients
        .emailOf(userId)
        .ifPresent(
            email ->
                outbox.post(
                    Notice.email(
                        eventKey + ":" + userId + ":email", email, messageKey, args, link)));
  }

  /** Whether this phone or e-mail address asked for no more notices. */
  public boolean optedOut(String address) {
    return recipients.optedOut(address);
  }

  /** No more notices to this phone or e-mail address (a code it asks for still comes). */
  @Transactional
  public void optOut(String address) {
    recipients.optOut(address);
  }

  @Transactional
  public void optIn(String address) {
    recipients.optIn(address);
  }
}
