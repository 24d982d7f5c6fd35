package org.huhang.notification.internal;

import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/**
 * One message in a staff user's inbox, opened: the page renders {@code messageKey} with {@code
 * args} in the reader's language. {@code link} is a path inside the application, or null.
 */
public record InboxItem(
    UUID id,
    String messageKey,
    List<String> args,
    String link,
    LocalDateTime receivedAt,
    boolean unread) {

  public Object[] arguments() {
    return args.toArray();
  }

  public String receivedAtText() {
    return receivedAt.toLocalDate() + " " + receivedAt.toLocalTime().withSecond(0).withNano(0);
  }
}
