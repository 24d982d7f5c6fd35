package org.huhang.notification.internal;

import org.huhang.notification.Channel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The staff inbox: one item whose id is the outbox row's, so a delivery repeated after a crash
 * finds it there and adds nothing. The arguments stay sealed as the outbox holds them.
 */
@Component
class InboxChannel implements NoticeChannel {

  private final JdbcClient jdbc;

  InboxChannel(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Channel channel() {
    return Channel.INBOX;
  }

  @Override
  public void deliver(Outgoing message) {
    jdbc.sql(
            """
            insert into notification.inbox_item (id, user_id, message_key, args_cipher, link)
            values (:id, :user, :key, :args, :link)
            on conflict (id) do nothing
            """)
        .param("id", message.id())
        .param("user", message.userId())
        .param("key", message.messageKey())
        .param("args", message.argsCipher())
        .param("link", message.link())
        .update();
  }
}
