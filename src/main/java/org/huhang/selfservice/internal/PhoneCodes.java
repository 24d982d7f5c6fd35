package org.huhang.selfservice.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.huhang.notification.Notice;
import org.huhang.notification.Notifications;
import org.huhang.shared.DomainException;
import org.huhang.shared.person.PersonalDataProtector;
import org.huhang.shared.person.PhoneNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-time codes that prove a person holds a mobile number. The code is sent through the
 * notification module and kept only as a keyed hash; it lasts 5 minutes and allows 5 tries. A
 * number may ask once a minute and 5 times an hour, a network address 20 times an hour.
 */
@Component
public class PhoneCodes {

  static final Duration LIFETIME = Duration.ofMinutes(5);
  static final int TRIES = 5;
  static final Duration PER_NUMBER_GAP = Duration.ofMinutes(1);
  static final int PER_NUMBER_HOURLY = 5;
  static final int PER_ADDRESS_HOURLY = 20;

  /** How a try at a code ended. */
  public enum Check {
    ACCEPTED,
    WRONG,
    EXPIRED,
    EXHAUSTED
  }

  /** What a try returns: how it ended and how many tries are left. */
  public record Result(Check check, int triesLeft) {}

  private final JdbcClient jdbc;
  private final PersonalDataProtector protector;
  private final Notifications notifications;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  PhoneCodes(
      JdbcClient jdbc, PersonalDataProtector protector, Notifications notifications, Clock clock) {
    this.jdbc = jdbc;
    this.protector = protector;
    this.notifications = notifications;
    this.clock = clock;
  }

  /**
   * Sends a new code to a mobile number; refuses a number that is none, or one (or an address) that
   * asked too often. The code goes out even during quiet hours: the person is waiting for it.
   */
  @Transactional
  public void send(String phoneInput, String clientAddress) {
    PhoneNumber phone =
        PhoneNumber.parse(phoneInput)
            .filter(PhoneNumber::mobile)
            .orElseThrow(() -> DomainException.of("phone", "booking.phone.mobile"));
    byte[] phoneHash = protector.lookupHash("phone:" + phone.value());
    byte[] addressHash = protector.lookupHash("address:" + clientAddress);
    // One number or address at a time: two requests at once cannot both pass the counts.
    jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:k, 15))")
        .param("k", java.util.HexFormat.of().formatHex(phoneHash))
        .query((rs, n) -> 1)
        .list();
    Instant now = clock.instant();
    Instant hourAgo = now.minus(Duration.ofHours(1));
    List<Instant> recent =
        jdbc.sql(
                """
                select created_at from selfservice.phone_code
                 where phone_hash = :h and created_at > :since order by created_at desc""")
            .param("h", phoneHash)
            .param("since", java.sql.Timestamp.from(hourAgo))
            .query((rs, n) -> rs.getTimestamp(1).toInstant())
            .list();
    if (!recent.isEmpty() && recent.get(0).isAfter(now.minus(PER_NUMBER_GAP))) {
      long wait = Duration.between(now, recent.get(0).plus(PER_NUMBER_GAP)).toSeconds() + 1;
      throw DomainException.of("phone", "booking.code.tooSoon", wait);
    }
    if (recent.size() >= PER_NUMBER_HOURLY) {
      throw DomainException.of("phone", "booking.code.tooMany");
    }
    long fromAddress =
        jdbc.sql(
                """
                select count(*) from selfservice.phone_code
                 where address_hash = :h and created_at > :since""")
            .param("h", addressHash)
            .param("since", java.sql.Timestamp.from(hourAgo))
            .query(Long.class)
            .single();
    if (fromAddress >= PER_ADDRESS_HOURLY) {
      throw DomainException.of("phone", "booking.code.tooMany");
    }
    UUID id = UUID.randomUUID();
    String code = String.format("%06d", random.nextInt(1_000_000));
    jdbc.sql(
            """
            insert into selfservice.phone_code
                   (id, phone_hash, address_hash, code_hash, created_at, expires_at)
            values (:id, :phone, :address, :code, :now, :expires)""")
        .param("id", id)
        .param("phone", phoneHash)
        .param("address", addressHash)
        .param("code", codeHash(id, code))
        .param("now", java.sql.Timestamp.from(now))
        .param("expires", java.sql.Timestamp.from(now.plus(LIFETIME)))
        .update();
    notifications.post(
        Notice.urgentSms(
            "booking-code:" + id,
            phone.value(),
            "notice.booking.code",
            List.of(code, String.valueOf(LIFETIME.toMinutes()))));
  }

  /**
   * Tries a code against the number's latest one. Every try counts, and is kept even when the code
   * is wrong; the sixth is refused whatever it says, as is a code older than five minutes.
   */
  @Transactional
  public Result check(String phoneInput, String code) {
    PhoneNumber phone =
        PhoneNumber.parse(phoneInput)
            .filter(PhoneNumber::mobile)
            .orElseThrow(() -> DomainException.of("phone", "booking.phone.mobile"));
    byte[] phoneHash = protector.lookupHash("phone:" + phone.value());
    Instant now = clock.instant();
    record Latest(UUID id, Instant expiresAt, int tries, boolean used, byte[] hash) {}
    java.util.Optional<Latest> latest =
        jdbc.sql(
                """
                select id, expires_at, tries, used_at is not null as used, code_hash
                  from selfservice.phone_code where phone_hash = :h
                 order by created_at desc limit 1 for update""")
            .param("h", phoneHash)
            .query(
                (rs, n) ->
                    new Latest(
                        rs.getObject("id", UUID.class),
                        rs.getTimestamp("expires_at").toInstant(),
                        rs.getInt("tries"),
                        rs.getBoolean("used"),
                        rs.getBytes("code_hash")))
            .optional();
    if (latest.isEmpty() || latest.get().used() || !now.isBefore(latest.get().expiresAt())) {
      return new Result(Check.EXPIRED, 0);
    }
    Latest l = latest.get();
    if (l.tries() >= TRIES) {
      return new Result(Check.EXHAUSTED, 0);
    }
    int tries = l.tries() + 1;
    boolean right =
        code != null
            && code.strip().matches("\\d{6}")
            && java.security.MessageDigest.isEqual(codeHash(l.id(), code.strip()), l.hash());
    jdbc.sql(
            """
            update selfservice.phone_code set tries = :tries,
                   used_at = case when :right then :now else used_at end
             where id = :id""")
        .param("tries", tries)
        .param("right", right)
        .param("now", java.sql.Timestamp.from(now))
        .param("id", l.id())
        .update();
    if (right) {
      return new Result(Check.ACCEPTED, TRIES - tries);
    }
    return new Result(tries >= TRIES ? Check.EXHAUSTED : Check.WRONG, TRIES - tries);
  }

  private byte[] codeHash(UUID id, String code) {
    return protector.lookupHash("code:" + id + ":" + code);
  }

  /** The keyed hash a number's bookings are found by. */
  byte[] phoneHash(String normalisedPhone) {
    return protector.lookupHash("phone:" + normalisedPhone);
  }

  /** Forgets codes a day old: they prove nothing any more. */
  @org.springframework.scheduling.annotation.Scheduled(
      fixedDelay = 3_600_000,
      initialDelay = 60_000)
  @Transactional
  public void purge() {
    jdbc.sql("delete from selfservice.phone_code where created_at < :before")
        .param("before", java.sql.Timestamp.from(clock.instant().minus(Duration.ofDays(1))))
        .update();
  }
}
