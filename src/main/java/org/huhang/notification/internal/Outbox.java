package org.huhang.notification.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.huhang.notification.Channel;
import org.huhang.notification.Notice;
import org.huhang.shared.person.PersonalDataProtector;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes notices into {@code notification.outbox} inside the caller's transaction: the notice
 * exists exactly when the change that caused it does. A key already there is left alone.
 */
@Component
public class Outbox {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final JdbcClient jdbc;
  private final PersonalDataProtector protector;
  private final Clock clock;

  Outbox(JdbcClient jdbc, PersonalDataProtector protector, Clock clock) {
    this.jdbc = jdbc;
    this.protector = protector;
    this.clock = clock;
  }

  /** Whether the notice is new (false: its event key was already posted). */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean post(Notice notice) {
    return post(notice, clock.instant());
  }

  /** Posts as at {@code now}: the quiet hours are those of that moment (tests name it). */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean post(Notice notice, Instant now) {
    Instant due =
        notice.channel() == Channel.SMS && !notice.urgent() ? QuietHours.earliestSms(now) : now;
    String address = notice.channel() == Channel.INBOX ? null : Addresses.normal(notice.address());
    return jdbc.sql(
                """
                insert into notification.outbox (id, event_key, channel, address_cipher,
                    address_hash, user_id, message_key, args_cipher, link, urgent,
                    next_attempt_at, created_at)
                values (:id, :key, :channel, :addressCipher, :addressHash, :userId, :messageKey,
                    :args, :link, :urgent, :due, :now)
                on conflict (event_key) do nothing
                """)
            .param("id", UUID.randomUUID())
            .param("key", notice.eventKey())
            .param("channel", notice.channel().name())
            .param("addressCipher", address == null ? null : protector.encrypt(address))
            .param("addressHash", address == null ? null : protector.lookupHash(address))
            .param("userId", notice.userId())
            .param("messageKey", notice.messageKey())
            .param("args", sealArgs(notice.args()))
            .param("link", notice.link())
            .param("urgent", notice.urgent())
            .param("due", java.sql.Timestamp.from(due))
            .param("now", java.sql.Timestamp.from(now))
            .update()
        == 1;
  }

  byte[] sealArgs(List<String> args) {
    return protector.encrypt(JSON.writeValueAsString(args));
  }

  public List<String> openArgs(byte[] sealed) {
    return JSON.readValue(protector.decrypt(sealed), new TypeReference<List<String>>() {});
  }
}
