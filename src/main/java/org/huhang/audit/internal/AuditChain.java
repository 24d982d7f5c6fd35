package org.huhang.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.huhang.audit.ChainFinding;
import org.huhang.shared.person.PersonalDataProtector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit trail as a hash chain. Entries are written as they happen (by any transaction, without
 * waiting for each other); every few seconds this seals the committed ones in turn, under one lock:
 * the next chain number, and a keyed hash over the previous hash and the entry's content. The key
 * is derived from the data key, which the database never holds, so a database administrator who
 * rewrites an entry cannot seal it again.
 *
 * <p>{@link #verify} walks the chain in its order and reports the first link that does not hold.
 * What it cannot see: entries written and removed before they were sealed (a few seconds), and the
 * last entries removed together with the recorded end moved back; the log line of each verification
 * (the end's number and hash) is the record outside the database for that.
 */
@Component
public class AuditChain {

  private static final Logger log = LoggerFactory.getLogger(AuditChain.class);
  private static final int BATCH = 1000;
  private static final char SEPARATOR = '\u001f';

  private final JdbcClient jdbc;
  private final PersonalDataProtector protector;
  private final Clock clock;

  AuditChain(JdbcClient jdbc, PersonalDataProtector protector, Clock clock) {
    this.jdbc = jdbc;
    this.protector = protector;
    this.clock = clock;
  }

  @Scheduled(
      fixedDelayString = "${huhang.audit.seal-every:5000}",
      initialDelayString = "${huhang.audit.seal-every:5000}")
  void sealing() {
    while (seal() == BATCH) {
      // A backlog (an import's thousands of entries): keep sealing, one batch per transaction.
    }
  }

  private record Entry(
      long id,
      Instant occurredAt,
      String username,
      String role,
      String regionCode,
      String action,
      String entityType,
      String entityId,
      String outcome,
      String clientAddress,
      Long seq,
      byte[] hash) {}

  private static final String COLUMNS =
      "id, occurred_at, username, role, region_code, action, entity_type, entity_id, outcome,"
          + " client_address, chain_seq, chain_hash";

  /** Seals the committed entries not sealed yet, oldest first; the number sealed (at most 1000). */
  @Transactional
  public int seal() {
    // One sealer at a time, on any number of instances; the head row is the chain's end.
    jdbc.sql("select pg_advisory_xact_lock(hashtext('audit.chain'))").query(Object.class).single();
    Head head =
        jdbc.sql("select seq, hash from audit.chain_head where id = 1 for update")
            .query((rs, n) -> new Head(rs.getLong("seq"), rs.getBytes("hash")))
            .single();
    List<Entry> entries =
        jdbc.sql(
                "select "
                    + COLUMNS
                    + " from audit.audit_event where chain_seq is null order by id limit :n")
            .param("n", BATCH)
            .query((rs, n) -> entry(rs))
            .list();
    long seq = head.seq();
    byte[] hash = head.hash();
    for (Entry e : entries) {
      seq++;
      hash = link(hash, seq, e);
      jdbc.sql("update audit.audit_event set chain_seq = :seq, chain_hash = :hash where id = :id")
          .param("seq", seq)
          .param("hash", hash)
          .param("id", e.id())
          .update();
    }
    if (!entries.isEmpty()) {
      jdbc.sql("update audit.chain_head set seq = :seq, hash = :hash, sealed_at = :at where id = 1")
          .param("seq", seq)
          .param("hash", hash)
          .param("at", Timestamp.from(clock.instant()))
          .update();
    }
    return entries.size();
  }

  private record Head(long seq, byte[] hash) {}

  /**
   * Walks the sealed chain from its start and reports the first broken link; the finding is kept
   * for the administrator's page and logged (numbers and hashes only).
   */
  @Transactional
  public ChainFinding verify(String by) {
    Instant at = clock.instant();
    Head head =
        jdbc.sql("select seq, hash from audit.chain_head where id = 1")
            .query((rs, n) -> new Head(rs.getLong("seq"), rs.getBytes("hash")))
            .single();
    ChainFinding finding = walk(at, head);
    jdbc.sql(
            """
            insert into audit.chain_check
                   (checked_at, checked_by, entries, intact, broken_seq, broken_id, reason)
            values (:at, :by, :entries, :intact, :seq, :id, :reason)""")
        .param("at", Timestamp.from(at))
        .param("by", by)
        .param("entries", finding.entries())
        .param("intact", finding.intact())
        .param("seq", finding.brokenSeq())
        .param("id", finding.brokenId())
        .param("reason", finding.reason())
        .update();
    if (finding.intact()) {
      log.info(
          "Audit chain intact: {} entries, end {} {}",
          finding.entries(),
          head.seq(),
          HexFormat.of().formatHex(head.hash()));
    } else {
      log.warn(
          "Audit chain BROKEN at chain number {} (entry {}): {}; {} entries read before it",
          finding.brokenSeq(),
          finding.brokenId(),
          finding.reason(),
          finding.entries());
    }
    return finding;
  }

  private ChainFinding walk(Instant at, Head head) {
    byte[] previous = new byte[0];
    long expected = 1;
    long read = 0;
    while (true) {
      List<Entry> batch =
          jdbc.sql(
                  "select "
                      + COLUMNS
                      + " from audit.audit_event where chain_seq >= :from"
                      + " order by chain_seq limit :n")
              .param("from", expected)
              .param("n", BATCH)
              .query((rs, n) -> entry(rs))
              .list();
      if (batch.isEmpty()) {
        break;
      }
      for (Entry e : batch) {
        if (e.seq() != expected) {
          return ChainFinding.broken(at, read, expected, null, "GAP");
        }
        byte[] hash = link(previous, e.seq(), e);
        if (!MessageDigest.isEqual(hash, e.hash())) {
          return ChainFinding.broken(at, read, e.seq(), e.id(), "CONTENT");
        }
        previous = hash;
        expected++;
        read++;
      }
    }
    if (read != head.seq() || !MessageDigest.isEqual(previous, head.hash())) {
      return ChainFinding.broken(at, read, read + 1, null, "HEAD");
    }
    return ChainFinding.intact(at, read);
  }

  /** The last verification, if any. */
  @Transactional(readOnly = true)
  public Optional<ChainFinding> lastFinding() {
    return jdbc.sql(
            """
            select checked_at, entries, intact, broken_seq, broken_id, reason
              from audit.chain_check order by id desc limit 1""")
        .query(
            (rs, n) ->
                new ChainFinding(
                    rs.getTimestamp("checked_at").toInstant(),
                    rs.getLong("entries"),
                    rs.getBoolean("intact"),
                    (Long) rs.getObject("broken_seq"),
                    (Long) rs.getObject("broken_id"),
                    rs.getString("reason")))
        .optional();
  }

  /** How far sealing has come: entries sealed, waiting to be sealed, the last seal. */
  public record State(long sealed, long unsealed, Instant lastSealedAt) {}

  @Transactional(readOnly = true)
  public State state() {
    return jdbc.sql(
            """
            select h.seq, h.sealed_at,
                   (select count(*) from audit.audit_event where chain_seq is null) as unsealed
              from audit.chain_head h where h.id = 1""")
        .query(
            (rs, n) ->
                new State(
                    rs.getLong("seq"),
                    rs.getLong("unsealed"),
                    rs.getTimestamp("sealed_at") == null
                        ? null
                        : rs.getTimestamp("sealed_at").toInstant()))
        .single();
  }

  /**
   * The keyed hash of one link: the previous hash, the chain number and every column of the entry,
   * each written out unambiguously (a field separator no column may hold, and a mark for null).
   */
  private byte[] link(byte[] previous, long seq, Entry e) {
    StringBuilder s = new StringBuilder("audit-chain");
    s.append(SEPARATOR).append(HexFormat.of().formatHex(previous));
    s.append(SEPARATOR).append(seq);
    s.append(SEPARATOR).append(e.id());
    s.append(SEPARATOR).append(micros(e.occurredAt()));
    for (String v :
        new String[] {
          e.username(),
          e.role(),
          e.regionCode(),
          e.action(),
          e.entityType(),
          e.entityId(),
          e.outcome(),
          e.clientAddress()
        }) {
      s.append(SEPARATOR);
      if (v == null) {
        s.append('\u0000');
      } else {
        byte[] utf8 = v.getBytes(StandardCharsets.UTF_8);
        s.append(utf8.length).append(':').append(v);
      }
    }
    return protector.lookupHash(s.toString());
  }

  private static long micros(Instant at) {
    return Math.addExact(
        Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000L);
  }

  private static Entry entry(ResultSet rs) throws SQLException {
    return new Entry(
        rs.getLong("id"),
        rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
        rs.getString("username"),
        rs.getString("role"),
        rs.getString("region_code"),
        rs.getString("action"),
        rs.getString("entity_type"),
        rs.getString("entity_id"),
        rs.getString("outcome"),
        rs.getString("client_address"),
        (Long) rs.getObject("chain_seq"),
        rs.getBytes("chain_hash"));
  }
}
