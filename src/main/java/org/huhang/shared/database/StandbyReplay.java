package org.huhang.shared.database;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

/**
 * Read-your-own-writes for what the application itself writes just before reading from the standby
 * ({@link ReadReplicaConfiguration}): the figures refresh their cache of days on the primary and
 * then read it from the standby, which may not have replayed that refresh yet. {@link
 * #awaitPrimary} waits, a bounded time, until the standby has replayed everything the primary had
 * written when it was called. Without a standby it returns at once, asking nothing.
 */
@Component
public class StandbyReplay {

  private static final Logger log = LoggerFactory.getLogger(StandbyReplay.class);
  private static final long POLL_MILLIS = 10;

  private final JdbcClient jdbc;
  private final TransactionTemplate standby;
  private final boolean configured;

  StandbyReplay(JdbcClient jdbc, PlatformTransactionManager transactions, Environment env) {
    this.jdbc = jdbc;
    this.standby = new TransactionTemplate(transactions);
    this.standby.setReadOnly(true);
    this.configured = StringUtils.hasText(env.getProperty("huhang.replica.url"));
  }

  /**
   * Returns once the standby has replayed the primary's write-ahead log up to where it stood at the
   * call, or after {@code max} (then the reads that follow may lag the primary, as any read from an
   * asynchronous standby may). Must be called outside a transaction.
   */
  public void awaitPrimary(Duration max) {
    if (!configured) {
      return;
    }
    String target = jdbc.sql("select pg_current_wal_lsn()::text").query(String.class).single();
    long deadline = System.nanoTime() + max.toNanos();
    while (true) {
      Boolean replayed =
          standby.execute(
              s ->
                  jdbc.sql(
                          """
                          select not pg_is_in_recovery()
                                 or coalesce(pg_last_wal_replay_lsn() >= cast(:target as pg_lsn),
                                             false)
                          """)
                      .param("target", target)
                      .query(Boolean.class)
                      .single());
      if (Boolean.TRUE.equals(replayed)) {
        return;
      }
      if (System.nanoTime() >= deadline) {
        log.warn("The standby has not replayed the primary's {} after {}", target, max);
        return;
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
