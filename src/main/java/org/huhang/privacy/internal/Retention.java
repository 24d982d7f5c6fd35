package org.huhang.privacy.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.huhang.audit.AuditTrail;
import org.huhang.privacy.RetentionView;
import org.huhang.shared.Actor;
import org.huhang.shared.DomainException;
import org.huhang.shared.ForbiddenException;
import org.huhang.shared.LegalTime;
import org.huhang.shared.NotFoundException;
import org.huhang.shared.Role;
import org.huhang.shared.retention.RetainedRecords;
import org.huhang.shared.retention.RetentionUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The retention policies and their runs. Each kind of record is declared by its module ({@link
 * RetainedRecords}); the city administrator may keep a kind longer or shorter than its default. A
 * run anonymises what is due in batches of {@link #BATCH}, each batch its own short transaction and
 * its own audit entry, so a run that dies has done whole batches and the next run goes on; a record
 * done is never due again. Runs on several instances at once share the work: each batch locks its
 * records ({@code for update skip locked}).
 */
@Component
public class Retention {

  private static final Logger log = LoggerFactory.getLogger(Retention.class);

  static final int BATCH = 200;

  /** Never kept shorter than this: a mistyped policy must not empty the service overnight. */
  static final int MIN_MONTHS = 6;

  static final int MAX_MONTHS = 600;
  static final int MIN_HOURS = 1;
  static final int MAX_HOURS = 2;

  private final Map<String, RetainedRecords> kinds = new java.util.LinkedHashMap<>();
  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final TransactionTemplate transaction;
  private final Clock clock;

  Retention(
      List<RetainedRecords> kinds,
      JdbcClient jdbc,
      AuditTrail audit,
      PlatformTransactionManager transactions,
      Clock clock) {
    kinds.stream()
        .sorted(Comparator.comparing(RetainedRecords::kind))
        .forEach(k -> this.kinds.put(k.kind(), k));
    this.jdbc = jdbc;
    this.audit = audit;
    this.transaction = new TransactionTemplate(transactions);
    this.clock = clock;
  }

  public static void requireAdministrator(Actor actor) {
    if (!actor.is(Role.CITY_ADMIN)) {
      throw new ForbiddenException("retention: the city administrator");
    }
  }

  /** Every kind with its policy and what the next run would do. */
  @Transactional(readOnly = true)
  public List<RetentionView> policies(Actor actor) {
    requireAdministrator(actor);
    List<RetentionView> out = new ArrayList<>();
    for (RetainedRecords k : kinds.values()) {
      int keep = keep(k);
      var last =
          jdbc.sql(
                  """
                  select started_at, anonymised from privacy.retention_run
                   where kind = :k and finished_at is not null
                   order by started_at desc limit 1""")
              .param("k", k.kind())
              .query((rs, n) -> new Object[] {rs.getTimestamp(1).toInstant(), rs.getLong(2)})
              .optional();
      out.add(
          new RetentionView(
              k.kind(),
              keep,
              k.unit(),
              stored(k.kind()).isEmpty(),
              k.countDue(cutoff(k, keep), "/%"),
              last.map(r -> (Instant) r[0]).orElse(null),
              last.map(r -> (Long) r[1]).orElse(0L)));
    }
    return out;
  }

  /** The city administrator sets how long a kind is kept; the change is audited. */
  @Transactional
  public void update(String kind, Integer keep, Actor actor) {
    requireAdministrator(actor);
    RetainedRecords k = kinds.get(kind);
    if (k == null) {
      throw new NotFoundException("retention kind");
    }
    int min = k.unit() == RetentionUnit.MONTHS ? MIN_MONTHS : MIN_HOURS;
    int max = k.unit() == RetentionUnit.MONTHS ? MAX_MONTHS : MAX_HOURS;
    if (keep == null || keep < min || keep > max) {
      throw DomainException.of("keep", "retention.keep.range." + k.unit().name(), min, max);
    }
    jdbc.sql(
            """
            insert into privacy.retention_policy (kind, keep, unit, updated_by, updated_at)
            values (:k, :keep, :unit, :by, :at)
            on conflict (kind) do update
               set keep = excluded.keep, updated_by = excluded.updated_by,
                   updated_at = excluded.updated_at""")
        .param("k", kind)
        .param("keep", keep)
        .param("unit", k.unit().name())
        .param("by", actor.username())
        .param("at", Timestamp.from(clock.instant()))
        .update();
    audit.recordWrite("retention.policy", "retention", kind + "=" + keep);
  }

  /** Every night (China time): each kind anonymises what is due. */
  @Scheduled(cron = "${huhang.jobs.retention-cron:0 30 2 * * *}", zone = "Asia/Shanghai")
  void nightly() {
    runAll("system");
  }

  /** Files staged for import are due within hours: checked every quarter of an hour. */
  @Scheduled(fixedDelay = 15 * 60 * 1000, initialDelay = 5 * 60 * 1000)
  void hourly() {
    for (RetainedRecords k : kinds.values()) {
      if (k.unit() == RetentionUnit.HOURS) {
        run(k.kind(), "/%", "system");
      }
    }
  }

  /** Runs every kind now; the number anonymised per kind. */
  public Map<String, Long> runAll(String by) {
    Map<String, Long> done = new java.util.LinkedHashMap<>();
    for (String kind : kinds.keySet()) {
      done.put(kind, run(kind, "/%", by));
    }
    return done;
  }

  /**
   * Runs one kind within {@code scope} (a region path pattern; "/%" is everything): batches until
   * none is left; the number anonymised.
   */
  public long run(String kind, String scope, String by) {
    RetainedRecords k = kinds.get(kind);
    if (k == null) {
      throw new NotFoundException("retention kind");
    }
    Instant cutoff = transaction.execute(s -> cutoff(k, keep(k)));
    Long runId =
        transaction.execute(
            s -> {
              return jdbc.sql(
                      """
                      insert into privacy.retention_run (kind, started_at, cutoff, run_by)
                      values (:k, :at, :cutoff, :by) returning id""")
                  .param("k", kind)
                  .param("at", Timestamp.from(clock.instant()))
                  .param("cutoff", Timestamp.from(cutoff))
                  .param("by", by)
                  .query(Long.class)
                  .single();
            });
    long total = 0;
    while (true) {
      Integer done =
          transaction.execute(
              s -> {
                int n = k.anonymiseDue(cutoff, scope, BATCH);
                if (n > 0) {
                  jdbc.sql(
                          "update privacy.retention_run set anonymised = anonymised + :n"
                              + " where id = :id")
                      .param("n", n)
                      .param("id", runId)
                      .update();
                  audit.recordWrite("retention.anonymise", "retention", kind + ":" + n);
                }
                return n;
              });
      total += done;
      if (done < BATCH) {
        break;
      }
    }
    transaction.executeWithoutResult(
        s ->
            jdbc.sql("update privacy.retention_run set finished_at = :at where id = :id")
                .param("at", Timestamp.from(clock.instant()))
                .param("id", runId)
                .update());
    if (total > 0) {
      log.info("Retention {}: {} records anonymised", kind, total);
    }
    return total;
  }

  private Optional<Integer> stored(String kind) {
    return jdbc.sql("select keep from privacy.retention_policy where kind = :k")
        .param("k", kind)
        .query(Integer.class)
        .optional();
  }

  private int keep(RetainedRecords k) {
    return stored(k.kind()).orElse(k.defaultKeep());
  }

  /** Records that ended before this instant are due. */
  Instant cutoff(RetainedRecords k, int keep) {
    if (k.unit() == RetentionUnit.HOURS) {
      return clock.instant().minus(java.time.Duration.ofHours(keep));
    }
    LocalDate today = LocalDate.now(clock.withZone(LegalTime.ZONE));
    return today.minusMonths(keep).atStartOfDay(LegalTime.ZONE).toInstant();
  }
}
