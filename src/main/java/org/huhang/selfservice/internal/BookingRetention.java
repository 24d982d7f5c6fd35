package org.huhang.selfservice.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.huhang.shared.LegalTime;
import org.huhang.shared.retention.RetainedRecords;
import org.huhang.shared.retention.RetentionUnit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A booking and its questionnaires, a year after its day by default: the number (and its keyed
 * hash, so the family no longer finds it), the person, the message and the answers go; the center,
 * day, topic, status, the case it became and the survey's satisfaction stay for the figures. The
 * one-time codes go after a day, whatever the policy: they are useless after five minutes.
 */
@Component
class BookingRetention implements RetainedRecords {

  private final JdbcClient jdbc;
  private final Clock clock;

  BookingRetention(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public String kind() {
    return "BOOKING";
  }

  @Override
  public int defaultKeep() {
    return 12;
  }

  @Override
  public RetentionUnit unit() {
    return RetentionUnit.MONTHS;
  }

  @Override
  public long countDue(Instant cutoff, String scope) {
    return jdbc.sql(
            """
            select count(*) from selfservice.booking
             where anonymised_at is null and slot_date < :day and region_path like :scope""")
        .param("day", LocalDate.ofInstant(cutoff, LegalTime.ZONE))
        .param("scope", scope)
        .query(Long.class)
        .single();
  }

  @Override
  public int anonymiseDue(Instant cutoff, String scope, int batch) {
    jdbc.sql("delete from selfservice.phone_code where created_at < :before")
        .param("before", Timestamp.from(clock.instant().minus(java.time.Duration.ofDays(1))))
        .update();
    List<UUID> ids =
        jdbc.sql(
                """
                select id from selfservice.booking
                 where anonymised_at is null and slot_date < :day and region_path like :scope
                 order by slot_date, id limit :n for update skip locked""")
            .param("day", LocalDate.ofInstant(cutoff, LegalTime.ZONE))
            .param("scope", scope)
            .param("n", batch)
            .query(UUID.class)
            .list();
    if (ids.isEmpty()) {
      return 0;
    }
    anonymise(ids.toArray(UUID[]::new));
    return ids.size();
  }

  /**
   * Anonymises these bookings as above: the nightly run's batch, or a person's erasure on its
   * request.
   */
  void anonymise(UUID[] bookings) {
    jdbc.sql("update selfservice.answer set answers_cipher = null where booking_id = any(:ids)")
        .param("ids", bookings)
        .update();
    jdbc.sql(
            """
            update selfservice.booking
               set phone_hash = null, phone_cipher = null, person_cipher = null,
                   message_cipher = null, anonymised_at = :now, version = version + 1
             where id = any(:ids)""")
        .param("now", Timestamp.from(clock.instant()))
        .param("ids", bookings)
        .update();
  }
}
