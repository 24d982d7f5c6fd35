package org.huhang.notification;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One message of one event to one recipient. {@code eventKey} names the event and the recipient
 * ({@code booking-code:<code id>}, {@code session-reminder:<session id>:<user id>}): a notice
 * posted again under the same key is ignored, so an event is never sent twice. The text is the
 * message bundle's {@code messageKey} (Chinese first) with {@code args}; an SMS's words never carry
 * the other party's name nor case content. {@code urgent} is for what the person asked for this
 * minute (a one-time code): it is not held back by the quiet hours.
 */
public record Notice(
    String eventKey,
    Channel channel,
    String address,
    UUID userId,
    String messageKey,
    List<String> args,
    String link,
    boolean urgent) {

  public Notice {
    Objects.requireNonNull(eventKey, "eventKey");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(messageKey, "messageKey");
    args = args == null ? List.of() : List.copyOf(args);
    if (channel == Channel.INBOX ? userId == null : address == null || address.isBlank()) {
      throw new IllegalArgumentException("a notice needs its recipient");
    }
  }

  /** A text message to a mobile number. */
  public static Notice sms(String eventKey, String phone, String messageKey, List<String> args) {
    return new Notice(eventKey, Channel.SMS, phone, null, messageKey, args, null, false);
  }

  /** A one-time code or anything else the person is waiting for this minute. */
  public static Notice urgentSms(
      String eventKey, String phone, String messageKey, List<String> args) {
    return new Notice(eventKey, Channel.SMS, phone, null, messageKey, args, null, true);
  }

  public static Notice email(
      String eventKey, String address, String messageKey, List<String> args) {
    return email(eventKey, address, messageKey, args, null);
  }

  /** An e-mail whose body ends with the address of the page it is about (a path, or null). */
  public static Notice email(
      String eventKey, String address, String messageKey, List<String> args, String link) {
    return new Notice(eventKey, Channel.EMAIL, address, null, messageKey, args, link, false);
  }

  /** An item in a staff user's inbox, linking to the record it is about. */
  public static Notice inbox(
      String eventKey, UUID userId, String messageKey, List<String> args, String link) {
    return new Notice(eventKey, Channel.INBOX, null, userId, messageKey, args, link, false);
  }

  @Override
  public String toString() {
    return "Notice[" + eventKey + ", " + channel + ", " + messageKey + "]";
  }
}
