package org.huhang.notification.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.huhang.notification.Channel;
import org.huhang.shared.person.PersonalDataProtector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what the outbox holds, one row per short transaction: the row is taken with {@code for
 * update skip locked}, so any number of instances may run this at once and each row goes to one of
 * them. A non-urgent text message found due inside the quiet hours is held to 08:00 (HELD, no
 * attempt counted); one to an address that opted out is SKIPPED; otherwise the channel delivers it
 * and the row is SENT. A failure counts an attempt, records the exception's class or the provider's
 * code (never the address nor the text) and is retried after 30 s × 2^(n−1), at most an hour; the
 * {@value #MAX_ATTEMPTS}th failure ends the row as FAILED.
 *
 * <p>What a crash does: the row stays locked while its channel delivers it, and SENT commits only
 * after the channel returned. A worker killed mid-batch therefore leaves the rows it delivered SENT
 * and the rest PENDING, to be sent by the next run. One narrow window remains: the single message
 * in flight when the process dies may have reached the provider or the mail server before the
 * commit, and is delivered again. The channels pass the outbox id as their idempotency key (the
 * inbox item's id, the e-mail's Message-ID {@code <id@huhang>}, the SMS provider's out-id), so the
 * inbox never shows it twice and a mail client or provider that de-duplicates drops the second
 * copy; a provider that does not may send that one text message twice. Never more than one per
 * crash, never a message lost.
 */
@Component
public class OutboxWorker {

  static final int MAX_ATTEMPTS = 8;
  static final Duration FIRST_RETRY = Duration.ofSeconds(30);
  static final Duration LONGEST_RETRY = Duration.ofHours(1);

  /** Rows one run handles at most, so that a backlog does not hold the scheduler's thread. */
  static final int BATCH = 200;

  /** This process, as an attempt names it (pid@host). */
  static final String INSTANCE =
      java.lang.management.ManagementFactory.getRuntimeMXBean().getName();

  private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);

  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;

  /**
   * A channel's delivery under a savepoint: a channel writing to the database (the inbox) that
   * fails with an SQL error rolls back only its own write, and the failed attempt is recorded.
   */
  private final TransactionTemplate delivery;

  private final Outbox outbox;
  private final Recipients recipients;
  private final PersonalDataProtector protector;
  private final Map<Channel, NoticeChannel> channels = new EnumMap<>(Channel.class);
  private final Clock clock;

  OutboxWorker(
      JdbcClient jdbc,
      PlatformTransactionManager transactions,
      Outbox outbox,
      Recipients recipients,
      PersonalDataProtector protector,
      List<NoticeChannel> channels,
      Clock clock) {
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactions);
    this.delivery = new TransactionTemplate(transactions);
    this.delivery.setPropagationBehavior(
        org.springframework.transaction.TransactionDefinition.PROPAGATION_NESTED);
    this.outbox = outbox;
    this.recipients = recipients;
    this.protector = protector;
    channels.forEach(c -> this.channels.put(c.channel(), c));
    this.clock = clock;
  }

  /** Sends what is due now; the number of rows handled. */
  public int runOnce() {
    return runOnce(clock.instant());
  }

  /** Sends what is due at {@code now} (tests name the moment: 23:00, 08:00). */
  public int runOnce(Instant now) {
    int handled = 0;
    while (handled < BATCH && Boolean.TRUE.equals(transaction.execute(s -> handleNext(now)))) {
      handled++;
    }
    return handled;
  }

  private boolean handleNext(Instant now) {
    Due row =
        jdbc.sql(
                """
                select id, channel, address_cipher, address_hash, user_id, message_key,
                       args_cipher, link, urgent, attempts
                from notification.outbox
                where status = 'PENDING' and next_attempt_at <= :now
                order by next_attempt_at
                limit 1
                for update skip locked
                """)
            .param("now", Timestamp.from(now))
            .query(
                (rs, n) ->
                    new Due(
                        rs.getObject("id", UUID.class),
                        Channel.valueOf(rs.getString("channel")),
                        rs.getBytes("address_cipher"),
                        rs.getBytes("address_hash"),
                        rs.getObject("user_id", UUID.class),
                        rs.getString("message_key"),
                        rs.getBytes("args_cipher"),
                        rs.getString("link"),
                        rs.getBoolean("urgent"),
                        rs.getInt("attempts")))
            .optional()
            .orElse(null);
    if (row == null) {
      return false;
    }
    if (row.channel == Channel.SMS && !row.urgent && QuietHours.quiet(now)) {
      jdbc.sql("update notification.outbox set next_attempt_at = :at where id = :id")
          .param("at", Timestamp.from(QuietHours.earliestSms(now)))
          .param("id", row.id)
          .update();
      record(row.id, now, "HELD", null);
      return true;
    }
    if (row.channel != Channel.INBOX && !row.urgent && recipients.optedOutHash(row.addressHash)) {
      finish(row.id, "SKIPPED", null);
      record(row.id, now, "SKIPPED", "opted out");
      return true;
    }
    Outgoing message =
        new Outgoing(
            row.id,
            row.addressCipher == null ? null : protector.decrypt(row.addressCipher),
            row.userId,
            row.messageKey,
            outbox.openArgs(row.argsCipher),
            row.argsCipher,
            row.link);
    try {
      delivery.executeWithoutResult(s -> channels.get(row.channel).deliver(message));
    } catch (NoticeChannel.Undeliverable e) {
      finish(row.id, "SKIPPED", null);
      record(row.id, now, "SKIPPED", e.getMessage());
      return true;
    } catch (RuntimeException e) {
      failed(row, now, e instanceof Refused r ? r.code() : e.getClass().getName());
      return true;
    }
    finish(row.id, "SENT", now);
    record(row.id, now, "SENT", null);
    log.info("Notice {} sent by {} ({})", row.id, row.channel, row.messageKey);
    return true;
  }

  private void failed(Due row, Instant now, String detail) {
    int attempts = row.attempts + 1;
    boolean last = attempts >= MAX_ATTEMPTS;
    jdbc.sql(
            """
            update notification.outbox
            set attempts = :attempts, status = :status, next_attempt_at = :next
            where id = :id
            """)
        .param("attempts", attempts)
        .param("status", last ? "FAILED" : "PENDING")
        .param("next", Timestamp.from(last ? now : now.plus(backoff(attempts))))
        .param("id", row.id)
        .update();
    record(row.id, now, "FAILED", detail);
    log.warn(
        "Notice {} by {} failed ({}), attempt {}{}",
        row.id,
        row.channel,
        detail,
        attempts,
        last ? ", given up" : "");
  }

  /** The wait after the {@code attempts}th failure: 30 s, 1 min, 2 min, … at most an hour. */
  static Duration backoff(int attempts) {
    Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 20));
    return wait.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait;
  }

  private void finish(UUID id, String status, Instant sentAt) {
    jdbc.sql("update notification.outbox set status = :status, sent_at = :sent where id = :id")
        .param("status", status)
        .param("sent", sentAt == null ? null : Timestamp.from(sentAt))
        .param("id", id)
        .update();
  }

  private void record(UUID id, Instant at, String outcome, String detail) {
    jdbc.sql(
            """
            insert into notification.attempt (outbox_id, attempted_at, instance, outcome, detail)
            values (:id, :at, :instance, :outcome, :detail)
            """)
        .param("id", id)
        .param("at", Timestamp.from(at))
        .param("instance", INSTANCE)
        .param("outcome", outcome)
        .param(
            "detail", detail == null ? null : detail.substring(0, Math.min(200, detail.length())))
        .update();
  }

  private record Due(
      UUID id,
      Channel channel,
      byte[] addressCipher,
      byte[] addressHash,
      UUID userId,
      String messageKey,
      byte[] argsCipher,
      String link,
      boolean urgent,
      int attempts) {}
}
