package org.huhang.shared.database;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import javax.sql.DataSource;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.huhang.shared.LegalTime;
import org.huhang.shared.person.PersonalDataProtector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * A consistent copy of the embedded database while the application runs (issue 14): PostgreSQL's
 * own base-backup procedure on the data directory the application owns. {@code pg_backup_start},
 * every file of the directory into a {@code .tar.gz}, {@code pg_backup_stop} (its backup label goes
 * into the archive), then the write-ahead log up to that point. A replication slot made for the
 * copy keeps that log from being recycled meanwhile. Restored by unpacking the archive into an
 * empty {@code data/postgres}: PostgreSQL replays the log at start and is where it was when the
 * backup stopped.
 *
 * <p>The data key is not in the archive: it is kept apart (its fingerprint is written beside the
 * archive, so that the right key can be found for it). The embedded binaries carry no {@code
 * pg_dump}, and a Debian {@code pg_dump} older than the server refuses it; this needs neither.
 */
@Component
@Conditional(EmbeddedDatabaseCondition.class)
public class EmbeddedBackups {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedBackups.class);
  private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
  private static final String SLOT = "huhang_backup";

  /**
   * Files of a running server that a backup leaves out (PostgreSQL's own list, and zonky's lock).
   */
  private static final Set<String> SKIPPED_FILES =
      Set.of("postmaster.pid", "postmaster.opts", "epg-lock", "backup_label", "tablespace_map");

  /** Directories whose contents are rebuilt at start: kept empty. */
  private static final Set<String> EMPTIED =
      Set.of(
          "pg_wal",
          "pg_replslot",
          "pg_stat_tmp",
          "pg_dynshmem",
          "pg_notify",
          "pg_serial",
          "pg_snapshots",
          "pg_subtrans");

  public record Backup(String name, long bytes, LocalDateTime createdAt, String keyFingerprint) {}

  private final DataSource dataSource;
  private final PersonalDataProtector protector;
  private final Path directory;
  private final Clock clock;
  private final AtomicBoolean running = new AtomicBoolean();
  private final java.util.concurrent.atomic.AtomicLong bytesRead =
      new java.util.concurrent.atomic.AtomicLong();
  private volatile long bytesTotal;
  private volatile String current;
  private volatile Backup last;
  private volatile String failure;
  private final java.util.concurrent.ExecutorService worker =
      java.util.concurrent.Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "huhang-backup");
            t.setDaemon(true);
            return t;
          });

  /**
   * Where a backup started from the page stands: the archive being written with the data read so
   * far, or the last one written (or why it failed).
   */
  public record Progress(
      String name, long bytesRead, long bytesTotal, Backup last, String failure) {

    public boolean running() {
      return name != null;
    }

    public int percent() {
      return bytesTotal <= 0 ? 0 : (int) Math.min(99, bytesRead * 100 / bytesTotal);
    }
  }

  EmbeddedBackups(
      // The backup procedure and its replication slot need the owner's connection (V43).
      @org.springframework.beans.factory.annotation.Qualifier(OwnerDataSourceConfiguration.OWNER)
          DataSource dataSource,
      PersonalDataProtector protector,
      @Value("${huhang.backup-directory:data/backups}") Path directory,
      Clock clock) {
    this.dataSource = dataSource;
    this.protector = protector;
    this.directory = directory.toAbsolutePath().normalize();
    this.clock = clock;
  }

  /** Thrown when another backup is being written. */
  public static final class BackupRunning extends RuntimeException {
    BackupRunning() {
      super("a backup is being written");
    }
  }

  /** Writes a backup now and answers when it is written; one at a time. */
  public Backup backup() {
    if (!running.compareAndSet(false, true)) {
      throw new BackupRunning();
    }
    try {
      return write(begin());
    } finally {
      finished();
    }
  }

  /**
   * Starts a backup in the background and answers its name at once: a page cannot wait the minute a
   * city's database takes (a proxy in front gives up at 60 s). {@link #progress} follows it.
   */
  public String start() {
    if (!running.compareAndSet(false, true)) {
      throw new BackupRunning();
    }
    String name = begin();
    worker.submit(
        () -> {
          try {
            last = write(name);
          } catch (RuntimeException e) {
            failure = e.getMessage();
            log.warn("Backup {} failed: {}", name, e.toString());
          } finally {
            finished();
          }
        });
    return name;
  }

  @jakarta.annotation.PreDestroy
  void stop() {
    // A backup cut short leaves a .partial file and no archive; PostgreSQL ends its backup mode
    // with the connection.
    worker.shutdownNow();
  }

  public Progress progress() {
    String name = current;
    return new Progress(name, bytesRead.get(), bytesTotal, last, failure);
  }

  private void finished() {
    current = null;
    running.set(false);
  }

  /**
   * Names the backup and shows it as running before any work starts: the page that redirects right
   * after {@link #start} must already see it (and poll), not an idle state.
   */
  private String begin() {
    String name =
        "huhang-" + NAME.format(LocalDateTime.now(clock.withZone(LegalTime.ZONE))) + ".tar.gz";
    failure = null;
    bytesRead.set(0);
    bytesTotal = 0;
    current = name;
    return name;
  }

  /** The backups written so far, newest first. */
  public List<Backup> list() {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(directory)) {
      List<Backup> backups = new ArrayList<>();
      for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".tar.gz")).toList()) {
        String name = p.getFileName().toString();
        Path about = directory.resolve(name.replace(".tar.gz", ".txt"));
        String fingerprint = "";
        if (Files.exists(about)) {
          fingerprint =
              Files.readAllLines(about, StandardCharsets.UTF_8).stream()
                  .filter(l -> l.startsWith("key-fingerprint="))
                  .map(l -> l.substring("key-fingerprint=".length()))
                  .findFirst()
                  .orElse("");
        }
        backups.add(
            new Backup(
                name,
                Files.size(p),
                LocalDateTime.ofInstant(Files.getLastModifiedTime(p).toInstant(), LegalTime.ZONE),
                fingerprint));
      }
      backups.sort(Comparator.comparing(Backup::createdAt).reversed());
      return backups;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Path directory() {
    return directory;
  }

  private Backup write(String name) {
    try {
      return writeArchive(name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SQLException e) {
      throw new IllegalStateException("the backup could not be written: " + e.getMessage(), e);
    }
  }

  private Backup writeArchive(String name) throws IOException, SQLException {
    Files.createDirectories(directory);
    restrict(directory, "rwx------");
    LocalDateTime now = LocalDateTime.now(clock.withZone(LegalTime.ZONE));
    Path target = directory.resolve(name);
    Path partial = directory.resolve(name + ".partial");
    Path data = dataDirectory();
    long started = System.nanoTime();
    bytesTotal = sizeOf(data);
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      c.setAutoCommit(true);
      s.execute(
          "select pg_drop_replication_slot(slot_name) from pg_replication_slots"
              + " where slot_name = '"
              + SLOT
              + "'");
      s.execute("select pg_create_physical_replication_slot('" + SLOT + "', true, true)");
      try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16);
          GZIPOutputStream gzip = new GZIPOutputStream(file, 1 << 16);
          TarArchiveOutputStream tar = new TarArchiveOutputStream(gzip)) {
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        s.execute("select pg_backup_start('huhang', true)");
        String label;
        String map;
        try {
          copyTree(tar, data, data);
        } finally {
          try (ResultSet rs =
              s.executeQuery("select labelfile, spcmapfile from pg_backup_stop(false)")) {
            rs.next();
            label = rs.getString(1);
            map = rs.getString(2);
          }
        }
        addText(tar, "backup_label", label);
        if (map != null && !map.isEmpty()) {
          addText(tar, "tablespace_map", map);
        }
        // The log written during the copy, which the replay needs; the slot kept it.
        try (Stream<Path> wal = Files.list(data.resolve("pg_wal"))) {
          for (Path f : wal.sorted().toList()) {
            if (Files.isRegularFile(f)) {
              addFile(tar, f, "pg_wal/" + f.getFileName());
            }
          }
        }
        tar.finish();
      } finally {
        s.execute("select pg_drop_replication_slot('" + SLOT + "')");
      }
    } catch (IOException | SQLException | RuntimeException e) {
      Files.deleteIfExists(partial);
      throw e;
    }
    restrict(partial, "rw-------");
    Files.move(partial, target);
    String fingerprint = protector.fingerprint();
    Files.writeString(
        directory.resolve(name.replace(".tar.gz", ".txt")),
        "archive="
            + name
            + "\ncreated="
            + now
            + "\nkey-fingerprint="
            + fingerprint
            + "\nkey-versions="
            + protector.fingerprints().entrySet().stream()
                .map(e -> e.getKey() + ":" + e.getValue())
                .collect(java.util.stream.Collectors.joining(","))
            + "\n# Restore: stop the application, move data/postgres aside, create it empty, unpack"
            + "\n#   tar -xzf "
            + name
            + " -C data/postgres"
            + "\n# and start the application with the data keys of every version listed above.\n",
        StandardCharsets.UTF_8);
    restrict(directory.resolve(name.replace(".tar.gz", ".txt")), "rw-------");
    long bytes = Files.size(target);
    log.info(
        "Backup {} written: {} MB in {} s",
        name,
        bytes >> 20,
        (System.nanoTime() - started) / 1_000_000_000);
    return new Backup(name, bytes, now, fingerprint);
  }

  /** The data directory's size now, for the progress shown while it is copied. */
  private static long sizeOf(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files
          .filter(Files::isRegularFile)
          .mapToLong(
              f -> {
                try {
                  return Files.size(f);
                } catch (IOException e) {
                  return 0;
                }
              })
          .sum();
    } catch (UncheckedIOException e) {
      // a file went away while the directory was walked: the size is only a guide
      return 0;
    }
  }

  /** Only the account that runs the application reads the backups (they hold ciphertext). */
  private static void restrict(Path path, String permissions) throws IOException {
    try {
      Files.setPosixFilePermissions(
          path, java.nio.file.attribute.PosixFilePermissions.fromString(permissions));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: the file keeps its default permissions
    }
  }

  private Path dataDirectory() throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("show data_directory")) {
      rs.next();
      return Path.of(rs.getString(1)).toAbsolutePath().normalize();
    }
  }

  private void copyTree(TarArchiveOutputStream tar, Path root, Path dir) throws IOException {
    List<Path> children;
    try (Stream<Path> list = Files.list(dir)) {
      children = list.sorted().toList();
    } catch (NoSuchFileException e) {
      return;
    }
    for (Path p : children) {
      String relative = root.relativize(p).toString().replace('\\', '/');
      String fileName = p.getFileName().toString();
      if (Files.isDirectory(p)) {
        TarArchiveEntry entry = new TarArchiveEntry(relative + "/");
        tar.putArchiveEntry(entry);
        tar.closeArchiveEntry();
        if (!(dir.equals(root) && EMPTIED.contains(fileName))) {
          copyTree(tar, root, p);
        }
      } else if (!(dir.equals(root) && SKIPPED_FILES.contains(fileName))
          && !fileName.startsWith("pgsql_tmp")) {
        addFile(tar, p, relative);
      }
    }
  }

  /**
   * A file as it is now. One that grows meanwhile is cut at the size read first (the log's replay
   * repairs it, as PostgreSQL's base backup expects); one deleted meanwhile is left out.
   */
  private void addFile(TarArchiveOutputStream tar, Path file, String name) throws IOException {
    long size;
    try {
      size = Files.size(file);
    } catch (NoSuchFileException e) {
      return;
    }
    byte[] buffer = new byte[1 << 16];
    try (var in = Files.newInputStream(file)) {
      TarArchiveEntry entry = new TarArchiveEntry(name);
      entry.setSize(size);
      entry.setMode(0600);
      tar.putArchiveEntry(entry);
      long left = size;
      while (left > 0) {
        int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
        if (n < 0) {
          // Shrunk meanwhile (truncated): pad with zeros, the replay rewrites it.
          java.util.Arrays.fill(buffer, (byte) 0);
          while (left > 0) {
            int z = (int) Math.min(buffer.length, left);
            tar.write(buffer, 0, z);
            left -= z;
          }
          break;
        }
        tar.write(buffer, 0, n);
        left -= n;
        bytesRead.addAndGet(n);
      }
      tar.closeArchiveEntry();
    } catch (NoSuchFileException e) {
      // deleted between its size and its opening: nothing was put in the archive yet
    }
  }

  private static void addText(TarArchiveOutputStream tar, String name, String text)
      throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    TarArchiveEntry entry = new TarArchiveEntry(name);
    entry.setSize(bytes.length);
    entry.setMode(0600);
    tar.putArchiveEntry(entry);
    tar.write(bytes);
    tar.closeArchiveEntry();
  }
}
