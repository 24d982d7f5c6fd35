package org.huhang.shared.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the embedded PostgreSQL on a data directory that survives restarts, durable like a
 * production server, and recovers by itself after the JVM was killed with {@code kill -9}: the
 * orphaned postmaster (re-parented to PID 1) is stopped before a new one starts.
 */
public final class EmbeddedPostgresLauncher {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresLauncher.class);
  private static final String ZONKY_LOCK = "epg-lock";
  private static final Duration ORPHAN_STOP_WAIT = Duration.ofSeconds(60);

  /** The role the application's pool logs in as (V43): no superuser, cannot bypass RLS. */
  public static final String APPLICATION_ROLE = "huhang_app";

  private EmbeddedPostgresLauncher() {}

  /**
   * Creates the application's login role before the pool connects with it (on a new server the
   * migrations, which grant it its rights, run only after).
   */
  public static void createApplicationRole(EmbeddedPostgres postgres) {
    try (var c = postgres.getPostgresDatabase().getConnection();
        var s = c.createStatement()) {
      s.execute(
          """
          do $$
          begin
            if not exists (select from pg_roles where rolname = 'huhang_app') then
              create role huhang_app login nosuperuser nobypassrls;
            else
              alter role huhang_app login nosuperuser nobypassrls;
            end if;
          end $$""");
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("无法创建应用数据库角色 huhang_app", e);
    }
  }

  public static EmbeddedPostgres start(Path dataDirectory, boolean cleanOnClose) {
    try {
      Path dir = dataDirectory.toAbsolutePath().normalize();
      Files.createDirectories(dir);
      stopOrphanedPostmaster(dir);
      return EmbeddedPostgres.builder()
          .setDataDirectory(dir)
          .setCleanDataDirectory(cleanOnClose)
          // Its hook races Spring's shutdown; the DataSource bean's destroy method closes it.
          .setRegisterShutdownHook(false)
          // zonky turns these off for speed; a case-management system must keep what it committed.
          .setServerConfig("fsync", "on")
          .setServerConfig("synchronous_commit", "on")
          .setServerConfig("full_page_writes", "on")
          .setServerConfig("max_connections", "100")
          .setPGStartupWait(Duration.ofSeconds(60))
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("无法启动内置 PostgreSQL（数据目录 " + dataDirectory + "）", e);
    }
  }

  /**
   * If {@code postmaster.pid} names a live postmaster while no JVM holds zonky's lock on the
   * directory, the JVM that started it died: stop that postmaster (fast shutdown; its committed
   * data is safe in the WAL). If another JVM holds the lock, fail fast instead of stopping a
   * database in use.
   */
  static void stopOrphanedPostmaster(Path dir) throws IOException {
    Path pidFile = dir.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    try (FileChannel channel =
        FileChannel.open(
            dir.resolve(ZONKY_LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        throw new IllegalStateException(
            "数据目录 "
                + dir
                + " 正被另一个 Huhang 进程使用：同一数据目录只能由一个进程打开。"
                + " The data directory is in use by another Huhang process.");
      }
      try {
        // After a reboot the PID may belong to an unrelated process: only a postgres is stopped.
        Optional<ProcessHandle> postmaster =
            readPid(pidFile)
                .flatMap(ProcessHandle::of)
                .filter(EmbeddedPostgresLauncher::isPostgres);
        if (postmaster.isPresent() && postmaster.get().isAlive()) {
          long pid = postmaster.get().pid();
          log.warn("Stopping orphaned embedded PostgreSQL (pid {}) left by a previous run", pid);
          signal("INT", pid);
          if (!waitForExit(postmaster.get(), ORPHAN_STOP_WAIT)) {
            signal("KILL", pid);
            waitForExit(postmaster.get(), Duration.ofSeconds(10));
          }
        }
      } finally {
        lock.release();
      }
    }
  }

  private static boolean isPostgres(ProcessHandle process) {
    return process
        .info()
        .command()
        .map(c -> c.endsWith("/postgres") || c.equals("postgres"))
        .orElse(false);
  }

  private static Optional<Long> readPid(Path pidFile) throws IOException {
    List<String> lines = Files.readAllLines(pidFile);
    if (lines.isEmpty()) {
      return Optional.empty();
    }
    try {
      long pid = Long.parseLong(lines.get(0).trim());
      return pid > 0 ? Optional.of(pid) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static void signal(String signal, long pid) throws IOException {
    try {
      new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
          .redirectErrorStream(true)
          .start()
          .waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while stopping postmaster", e);
    }
  }

  private static boolean waitForExit(ProcessHandle process, Duration wait) {
    try {
      process.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (Exception e) {
      return !process.isAlive();
    }
  }
}
