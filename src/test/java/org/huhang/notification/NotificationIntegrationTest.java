package org.huhang.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.huhang.IntegrationTest;
import org.huhang.notification.internal.Outbox;
import org.huhang.notification.internal.OutboxWorker;
import org.huhang.shared.LegalTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox and its worker on the real database: one row per event key, quiet hours, opt-out,
 * retries with backoff until FAILED, and a worker killed mid-batch.
 */
class NotificationIntegrationTest extends IntegrationTest {

  private static final String KEY = "notice.session.sms";
  private static final List<String> ARGS = List.of("12月5日", "14:30", "滨城区婚姻家庭辅导中心");

  @Autowired
  @Qualifier("ownerDataSource")
  DataSource ownerDataSource;

  @Autowired Notifications notifications;
  @Autowired Outbox outbox;
  @Autowired OutboxWorker worker;
  @Autowired RecordingSmsGateway gateway;
  @Autowired TransactionTemplate transaction;
  @Autowired JdbcClient jdbc;

  /** A moment in China time, in the future of the demo data: a Tuesday. */
  private static Instant china(String dateTime) {
    return LocalDateTime.parse(dateTime).atZone(LegalTime.ZONE).toInstant();
  }

  private static String phone() {
    return "139" + String.format("%08d", (long) (Math.random() * 100_000_000L));
  }

  private void post(Notice notice, Instant at) {
    transaction.executeWithoutResult(s -> outbox.post(notice, at));
  }

  private String status(String eventKey) {
    return jdbc.sql("select status from notification.outbox where event_key = :k")
        .param("k", eventKey)
        .query(String.class)
        .single();
  }

  private List<String> outcomes(String eventKey) {
    return jdbc.sql(
            """
            select a.outcome from notification.attempt a
            join notification.outbox o on o.id = a.outbox_id
            where o.event_key = :k order by a.id
            """)
        .param("k", eventKey)
        .query(String.class)
        .list();
  }

  @Test
  void theSameEventKeyPostedTwiceIsOneRow() {
    String key = "test:" + UUID.randomUUID();
    Boolean[] firstSecond = new Boolean[2];
    transaction.executeWithoutResult(
        s -> {
          firstSecond[0] = notifications.post(Notice.sms(key, phone(), KEY, ARGS));
          firstSecond[1] = notifications.post(Notice.sms(key, phone(), KEY, ARGS));
        });
    assertThat(firstSecond).containsExactly(true, false);
    assertThat(
            jdbc.sql("select count(*) from notification.outbox where event_key = :k")
                .param("k", key)
                .query(Integer.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void anSmsPostedAt22IsNotSentAt23ButAt8AndAnUrgentOneGoesAtOnce() {
    String phone = phone();
    String evening = "test:" + UUID.randomUUID();
    String urgent = "test:" + UUID.randomUUID();
    post(Notice.sms(evening, phone, KEY, ARGS), china("2027-01-05T22:00"));
    post(Notice.urgentSms(urgent, phone, KEY, ARGS), china("2027-01-05T22:00"));

    worker.runOnce(china("2027-01-05T22:00:05"));
    assertThat(status(urgent)).isEqualTo("SENT");
    worker.runOnce(china("2027-01-05T23:00"));
    assertThat(status(evening)).isEqualTo("PENDING");
    assertThat(gateway.sentTo(phone)).hasSize(1);

    worker.runOnce(china("2027-01-06T08:00"));
    assertThat(status(evening)).isEqualTo("SENT");
    assertThat(gateway.sentTo(phone)).hasSize(2);
    assertThat(gateway.sentTo(phone).get(1).text())
        .isEqualTo("【幸福护航】您预约的婚姻家庭辅导会谈在12月5日 14:30，地点：滨城区婚姻家庭辅导中心。如需改期，请联系该中心。");
  }

  @Test
  void anSmsDueBeforeTheQuietHoursButFoundInThemIsHeldTo8WithoutCountingAnAttempt() {
    String phone = phone();
    String key = "test:" + UUID.randomUUID();
    post(Notice.sms(key, phone, KEY, ARGS), china("2027-01-05T20:30"));

    worker.runOnce(china("2027-01-05T23:30"));
    assertThat(status(key)).isEqualTo("PENDING");
    assertThat(outcomes(key)).containsExactly("HELD");
    assertThat(
            jdbc.sql(
                    "select attempts, next_attempt_at from notification.outbox where event_key = :k")
                .param("k", key)
                .query((rs, n) -> List.of(rs.getInt(1), rs.getTimestamp(2).toInstant()))
                .single())
        .containsExactly(0, china("2027-01-06T08:00"));
    assertThat(gateway.sentTo(phone)).isEmpty();

    worker.runOnce(china("2027-01-06T08:00:01"));
    assertThat(outcomes(key)).containsExactly("HELD", "SENT");
  }

  @Test
  void anAddressThatOptedOutIsSkippedButWhatItAsksForThisMinuteStillComes() {
    String phone = phone();
    transaction.executeWithoutResult(
        s -> notifications.optOut(phone.substring(0, 3) + "-" + phone.substring(3)));
    assertThat(notifications.optedOut(phone)).isTrue();
    String reminder = "test:" + UUID.randomUUID();
    String code = "test:" + UUID.randomUUID();
    post(Notice.sms(reminder, phone, KEY, ARGS), china("2027-01-07T10:00"));
    post(Notice.urgentSms(code, phone, KEY, ARGS), china("2027-01-07T10:00"));

    worker.runOnce(china("2027-01-07T10:00:01"));

    assertThat(status(reminder)).isEqualTo("SKIPPED");
    assertThat(outcomes(reminder)).containsExactly("SKIPPED");
    assertThat(status(code)).isEqualTo("SENT");
    assertThat(gateway.sentTo(phone)).hasSize(1);

    transaction.executeWithoutResult(s -> notifications.optIn(phone));
    assertThat(notifications.optedOut(phone)).isFalse();
  }

  @Test
  void failuresAreRetriedWithBackoffRecordedAndEndAsFailedAfterEightAttempts() {
    String phone = phone();
    gateway.refuse(phone);
    String key = "test:" + UUID.randomUUID();
    Instant at = china("2027-01-08T09:00");
    post(Notice.urgentSms(key, phone, KEY, ARGS), at);

    List<Instant> due = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      worker.runOnce(at);
      Instant next =
          jdbc.sql("select next_attempt_at from notification.outbox where event_key = :k")
              .param("k", key)
              .query((rs, n) -> rs.getTimestamp(1).toInstant())
              .single();
      due.add(next);
      // Not due again before its time.
      worker.runOnce(next.minusSeconds(1));
      at = next;
    }

    assertThat(status(key)).isEqualTo("FAILED");
    assertThat(outcomes(key)).hasSize(8).containsOnly("FAILED");
    assertThat(
            jdbc.sql(
                    """
                    select distinct a.detail from notification.attempt a
                    join notification.outbox o on o.id = a.outbox_id where o.event_key = :k
                    """)
                .param("k", key)
                .query(String.class)
                .list())
        .containsExactly("isv.MOBILE_NUMBER_ILLEGAL");
    Instant start = china("2027-01-08T09:00");
    List<Duration> waits = new ArrayList<>();
    Instant previous = start;
    for (Instant next : due.subList(0, 7)) {
      waits.add(Duration.between(previous, next));
      previous = next;
    }
    assertThat(waits)
        .containsExactly(
            Duration.ofSeconds(30),
            Duration.ofMinutes(1),
            Duration.ofMinutes(2),
            Duration.ofMinutes(4),
            Duration.ofMinutes(8),
            Duration.ofMinutes(16),
            Duration.ofMinutes(32));
    assertThat(
            jdbc.sql("select attempts from notification.outbox where event_key = :k")
                .param("k", key)
                .query(Integer.class)
                .single())
        .isEqualTo(8);
    worker.runOnce(at.plus(Duration.ofDays(1)));
    assertThat(outcomes(key)).hasSize(8);
  }

  @Test
  void anInboxDeliveryThatFailsInTheDatabaseIsRecordedAndRetriedNotLostInARollback() {
    UUID user =
        jdbc.sql("select id from identity.app_user where username = 'counselor-371623'")
            .query(UUID.class)
            .single();
    String key = "test:" + UUID.randomUUID();
    Instant at = china("2027-01-09T10:00");
    post(Notice.inbox(key, user, KEY, ARGS, "/probe-fails"), at);
    // The inbox refuses this one row, as a full disk or a broken constraint would.
    // A constraint is the owner's to add (the application's role may not alter tables).
    JdbcClient owner = JdbcClient.create(ownerDataSource);
    owner
        .sql(
            """
            alter table notification.inbox_item add constraint probe_refuses
                check (link is distinct from '/probe-fails')""")
        .update();
    try {
      worker.runOnce(at);
    } finally {
      owner.sql("alter table notification.inbox_item drop constraint probe_refuses").update();
    }
    assertThat(status(key)).isEqualTo("PENDING");
    assertThat(outcomes(key)).containsExactly("FAILED");
    worker.runOnce(at.plus(Duration.ofMinutes(1)));
    assertThat(status(key)).isEqualTo("SENT");
    assertThat(outcomes(key)).containsExactly("FAILED", "SENT");
  }

  @Test
  void aWorkerKilledMidBatchAndRestartedSendsEachMessageOnce() {
    Instant at = china("2027-01-09T10:00");
    worker.runOnce(at);
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      String key = "test:" + UUID.randomUUID();
      keys.add(key);
      post(Notice.urgentSms(key, phone(), KEY, ARGS), at);
    }
    int before = gateway.sent().size();

    gateway.dieAfter(2);
    assertThatThrownBy(() -> worker.runOnce(at))
        .isInstanceOf(RecordingSmsGateway.ProcessKilled.class);
    assertThat(keys.stream().map(this::status).filter("SENT"::equals)).hasSize(2);
    assertThat(keys.stream().map(this::status).filter("PENDING"::equals)).hasSize(3);

    worker.runOnce(at);

    assertThat(keys).allSatisfy(k -> assertThat(status(k)).isEqualTo("SENT"));
    assertThat(gateway.sent()).hasSize(before + 5);
    assertThat(gateway.countById().values()).containsOnly(1L);
  }
}
