package org.huhang.notification.internal;

import java.util.UUID;
import org.huhang.shared.person.Masking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's and a fresh installation's SMS gateway: writes one log line per message, naming the
 * outbox id and the masked number, never the number nor the text. Used while no bean implements
 * {@link SmsGateway}.
 */
final class LoggingSmsGateway implements SmsGateway {

  private static final Logger log = LoggerFactory.getLogger(LoggingSmsGateway.class);

  @Override
  public void send(UUID id, String phone, String text) {
    log.info(
        "SMS {} to {} ({} characters) not sent: no SMS provider configured",
        id,
        Masking.phone(phone),
        text.length());
  }
}
