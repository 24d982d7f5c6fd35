package org.huhang.shared.database;

import java.util.function.Supplier;
import org.huhang.shared.DataScope;

/**
 * The region whose rows the database lets the current thread see: the second wall behind every
 * query's own {@code region_path} filter (issue 16, V43). Row-level security policies compare each
 * row's region path with the setting {@code huhang.scope}, which {@link ScopedDataSource} sets from
 * here on every connection it hands out. A staff request runs in its user's scope ({@link
 * RowScopeFilter}); threads without a user (scheduled jobs, start-up, the families' public pages,
 * which reach rows only by their own tokens) run in the system scope and see every row. Work a
 * staff request does for the whole installation (the figures' cache of days) asks for {@link
 * #system} explicitly, in a transaction of its own.
 */
public final class RowScope {

  /** The setting's value that lets every row through. */
  static final String SYSTEM = "/";

  private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

  private RowScope() {}

  /** The setting's value for a connection taken now on this thread. */
  static String current() {
    String path = CURRENT.get();
    return path == null ? SYSTEM : path;
  }

  /** Runs {@code work} seeing only the rows of {@code scope}. */
  public static <T> T as(DataScope scope, Supplier<T> work) {
    return within(scope.regionPath(), work);
  }

  /**
   * Runs {@code work} seeing every row. Only for work done for the whole installation whose result
   * no user reads unfiltered; the connection must be a new one (a transaction of its own), since a
   * connection already held keeps the scope it was taken with.
   */
  public static <T> T system(Supplier<T> work) {
    return within(SYSTEM, work);
  }

  public static void system(Runnable work) {
    within(
        SYSTEM,
        () -> {
          work.run();
          return null;
        });
  }

  /**
   * Runs {@code work} seeing every row, in the transaction the caller already holds (its writes
   * visible): the setting is changed for this transaction only and put back after. For a count over
   * every region that a request must make before it decides (a key version's values before it
   * retires). Must be called inside a transaction.
   */
  public static <T> T systemInTransaction(
      org.springframework.jdbc.core.simple.JdbcClient jdbc, Supplier<T> work) {
    if (!org.springframework.transaction.support.TransactionSynchronizationManager
        .isActualTransactionActive()) {
      throw new IllegalStateException("RowScope.systemInTransaction outside a transaction");
    }
    String before =
        jdbc.sql("select current_setting('huhang.scope', true)").query(String.class).single();
    set(jdbc, SYSTEM);
    try {
      return work.get();
    } finally {
      set(jdbc, before == null ? "" : before);
    }
  }

  private static void set(org.springframework.jdbc.core.simple.JdbcClient jdbc, String value) {
    jdbc.sql("select set_config('huhang.scope', :v, true)")
        .param("v", value)
        .query(String.class)
        .single();
  }

  private static <T> T within(String path, Supplier<T> work) {
    String before = CURRENT.get();
    CURRENT.set(path);
    try {
      return work.get();
    } finally {
      if (before == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(before);
      }
    }
  }

  /** Sets the scope for the rest of a request (the filter clears it after). */
  static void enter(String path) {
    CURRENT.set(path);
  }

  static void leave() {
    CURRENT.remove();
  }
}
