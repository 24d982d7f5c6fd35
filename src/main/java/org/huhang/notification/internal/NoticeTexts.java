package org.huhang.notification.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The words of a notice that leaves the application (SMS, e-mail): the message bundles in Chinese,
 * the language of the people the service serves. The inbox renders in the reader's own language
 * instead.
 */
@Component
class NoticeTexts {

  static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

  private final MessageSource messages;

  NoticeTexts(MessageSource messages) {
    this.messages = messages;
  }

  String text(String key, List<String> args) {
    return messages.getMessage(key, args.toArray(), CHINESE);
  }

  /** The signature every text message starts with, as the operators require. */
  String sms(String key, List<String> args) {
    return messages.getMessage("notification.sms.signature", null, CHINESE) + text(key, args);
  }

  /** {@code <key>.subject} when the bundle has one, else the general subject. */
  String subject(String key, List<String> args) {
    return Optional.ofNullable(messages.getMessage(key + ".subject", args.toArray(), null, CHINESE))
        .orElseGet(() -> messages.getMessage("notification.email.subject", null, CHINESE));
  }

  /** The text, the page it is about (a full address, or null), and the footer. */
  String emailBody(String key, List<String> args, String address) {
    return text(key, args)
        + (address == null
            ? ""
            : "\n\n"
                + messages.getMessage("notification.email.link", new Object[] {address}, CHINESE))
        + "\n\n"
        + messages.getMessage("notification.email.footer", null, CHINESE);
  }
}
