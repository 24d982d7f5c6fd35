package org.huhang.notification.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.huhang.notification.Channel;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * E-mail through Spring's {@link JavaMailSender}, which Spring Boot configures only when {@code
 * spring.mail.host} is set. Without it an e-mail is SKIPPED ("mail not configured"), not retried:
 * an installation without a mail server would otherwise keep every copy pending for ever. The
 * Message-ID is {@code <outbox id@huhang>}, so a copy sent twice after a crash is one message to a
 * mail client that de-duplicates.
 */
@Component
class EmailChannel implements NoticeChannel {

  static final String NOT_CONFIGURED = "mail not configured";

  private final ObjectProvider<JavaMailSender> senders;
  private final NoticeTexts texts;
  private final String from;
  private final org.huhang.shared.qr.BookingLinks links;

  EmailChannel(
      ObjectProvider<JavaMailSender> senders,
      NoticeTexts texts,
      @Value("${huhang.notification.mail-from:noreply@huhang.local}") String from,
      org.huhang.shared.qr.BookingLinks links) {
    this.senders = senders;
    this.texts = texts;
    this.from = from;
    this.links = links;
  }

  @Override
  public Channel channel() {
    return Channel.EMAIL;
  }

  @Override
  public void deliver(Outgoing message) {
    JavaMailSender sender = senders.getIfAvailable();
    if (sender == null) {
      throw new Undeliverable(NOT_CONFIGURED);
    }
    MimeMessage mime = sender.createMimeMessage();
    try {
      MimeMessageHelper helper = new MimeMessageHelper(mime, false, "UTF-8");
      helper.setFrom(from);
      helper.setTo(message.address());
      helper.setSubject(texts.subject(message.messageKey(), message.args()));
      helper.setText(
          texts.emailBody(
              message.messageKey(),
              message.args(),
              message.link() == null ? null : links.page(message.link())),
          false);
      // JavaMailSenderImpl keeps a Message-ID set before sending (saveChanges would replace it).
      mime.setHeader("Message-ID", "<" + message.id() + "@huhang>");
    } catch (MessagingException e) {
      throw new IllegalStateException(e.getClass().getName(), null);
    }
    sender.send(mime);
  }
}
