package org.huhang.privacy.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.huhang.audit.AuditTrail;
import org.huhang.privacy.KeyRotationView;
import org.huhang.shared.Actor;
import org.huhang.shared.DomainException;
import org.huhang.shared.NotFoundException;
import org.huhang.shared.database.RowScope;
import org.huhang.shared.person.DataKeyVersions;
import org.huhang.shared.person.DataKeyVersions.KeyVersion;
import org.huhang.shared.person.PersonalDataProtector;
import org.huhang.shared.person.SealedColumns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Data-key rotation (issue 16). A new key version seals new data from its first start; this job
 * re-encrypts what is still sealed under an older version, column by column as the modules declare
 * them ({@link SealedColumns}), in batches of {@link #BATCH} rows, each batch its own short
 * transaction and its own audit entry. A batch locks its rows ({@code for update skip locked}) and
 * pages through the table by its key, so instances share the work and a run that dies has done
 * whole batches. A value under the active version is never touched again: running twice changes
 * nothing.
 *
 * <p>It runs every minute while anything is left (then once an hour, to catch a value written back
 * by a save that had read it before its batch), and when the city administrator asks. A version
 * with nothing sealed under it is retired by the city administrator, a quiet while after its last
 * value moved; from then on its key is no longer needed at start-up.
 */
@Component
public class KeyRotation {

  private static final Logger log = LoggerFactory.getLogger(KeyRotation.class);

  static final int BATCH = 200;

  /** After a run found nothing to do, the next look is this much later. */
  private static final Duration IDLE = Duration.ofHours(1);

  private final List<SealedColumns> tables;
  private final JdbcClient jdbc;
  private final PersonalDataProtector protector;
  private final DataKeyVersions versions;
  private final AuditTrail audit;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final Duration quiet;

  private final AtomicBoolean running = new AtomicBoolean();
  private volatile boolean stopping;
  private volatile KeyRotationView.Run lastRun;
  private volatile Instant nothingLeftAt;
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "huhang-key-rotation");
            t.setDaemon(true);
            return t;
          });

  KeyRotation(
      List<SealedColumns> tables,
      JdbcClient jdbc,
      PersonalDataProtector protector,
      DataKeyVersions versions,
      AuditTrail audit,
      PlatformTransactionManager transactions,
      Clock clock,
      @Value("${huhang.keys.retire-after:PT10M}") Duration quiet) {
    this.tables = tables.stream().sorted(Comparator.comparing(SealedColumns::table)).toList();
    this.jdbc = jdbc;
    this.protector = protector;
    this.versions = versions;
    this.audit = audit;
    this.transaction = new TransactionTemplate(transactions);
    this.clock = clock;
    this.quiet = quiet;
  }

  @jakarta.annotation.PreDestroy
  void stop() {
    stopping = true;
    worker.shutdownNow();
  }

  /** Every minute: a run in the background while anything may be left. */
  @Scheduled(
      fixedDelayString = "${huhang.keys.check-every:60000}",
      initialDelayString = "${huhang.keys.check-every:60000}")
  void tick() {
    Instant idle = nothingLeftAt;
    if (idle == null || !clock.instant().isBefore(idle.plus(IDLE))) {
      startInBackground();
    }
  }

  /** The city administrator's run now, in the background; false when one is running already. */
  public boolean start(Actor actor) {
    Retention.requireAdministrator(actor);
    if (!startInBackground()) {
      return false;
    }
    transaction.executeWithoutResult(
        s -> audit.recordWrite("data-key.run", "data-key", "version " + protector.activeVersion()));
    return true;
  }

  private boolean startInBackground() {
    if (!running.compareAndSet(false, true)) {
      return false;
    }
    try {
      worker.execute(
          () -> {
            try {
              pass();
            } catch (RuntimeException e) {
              log.error("The data key rotation stopped: {}", e.toString());
            } finally {
              running.set(false);
            }
          });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // The application is stopping.
      running.set(false);
      return false;
    }
    return true;
  }

  /** One run now, in the caller's thread; null when a run is going on already. */
  public KeyRotationView.Run runNow() {
    if (!running.compareAndSet(false, true)) {
      return null;
    }
    try {
      return pass();
    } finally {
      running.set(false);
    }
  }

  private KeyRotationView.Run pass() {
    Instant started = clock.instant();
    int active = protector.activeVersion();
    List<KeyVersion> recorded = versions.all();
    int newest =
        recorded.stream()
            .filter(v -> !v.retired())
            .mapToInt(KeyVersion::version)
            .max()
            .orElse(active);
    if (newest > active) {
      // Sealing back under an older version would undo the rotation of the newer instances.
      log.error(
          "This instance seals with data key version {} but version {} exists: restart it with"
              + " the newest data keys; nothing is re-encrypted meanwhile",
          active,
          newest);
      return null;
    }
    long resealed = 0;
    long failed = 0;
    if (recorded.stream().anyMatch(v -> v.version() != active)) {
      for (SealedColumns t : tables) {
        if (stopping) {
          break;
        }
        long[] done = resealTable(t, active);
        resealed += done[0];
        failed += done[1];
      }
    }
    KeyRotationView.Run run = new KeyRotationView.Run(started, clock.instant(), resealed, failed);
    lastRun = run;
    nothingLeftAt = resealed == 0 ? clock.instant() : null;
    if (resealed > 0 || failed > 0) {
      log.info(
          "Data key rotation: {} values re-encrypted under version {}, {} could not be opened",
          resealed,
          active,
          failed);
    }
    return run;
  }

  /** One table, batch after batch; the values re-encrypted and those that could not be opened. */
  private long[] resealTable(SealedColumns t, int active) {
    long[] total = new long[2];
    Object[] after = null;
    while (!stopping) {
      Object[] from = after;
      Batch batch = transaction.execute(s -> batch(t, active, from));
      total[0] += batch.resealed();
      total[1] += batch.failed();
      if (batch.rows() < BATCH) {
        break;
      }
      after = batch.lastKey();
    }
    return total;
  }

  private record Batch(int rows, Object[] lastKey, long resealed, long failed) {}

  private record Row(Object[] key, byte[][] values) {}

  private Batch batch(SealedColumns t, int active, Object[] after) {
    List<String> key = t.key();
    List<String> columns = t.columns();
    String keyList = String.join(", ", key);
    String stale =
        columns.stream().map(c -> versionOf(c) + " <> :active").collect(Collectors.joining(" or "));
    String since =
        after == null ? "" : "(" + keyList + ") > (" + placeholders("k", key.size()) + ") and ";
    var query =
        jdbc.sql(
                "select "
                    + keyList
                    + ", "
                    + String.join(", ", columns)
                    + " from "
                    + t.table()
                    + " where "
                    + since
                    + "("
                    + stale
                    + ") order by "
                    + keyList
                    + " limit :batch for update skip locked")
            .param("active", active)
            .param("batch", BATCH);
    for (int i = 0; after != null && i < after.length; i++) {
      query = query.param("k" + i, after[i]);
    }
    List<Row> rows =
        query
            .query(
                (rs, n) -> {
                  Object[] k = new Object[key.size()];
                  for (int i = 0; i < k.length; i++) {
                    k[i] = rs.getObject(i + 1);
                  }
                  byte[][] v = new byte[columns.size()][];
                  for (int i = 0; i < v.length; i++) {
                    v[i] = rs.getBytes(key.size() + i + 1);
                  }
                  return new Row(k, v);
                })
            .list();
    String update =
        "update "
            + t.table()
            + " set "
            + IntStream.range(0, columns.size())
                .mapToObj(i -> columns.get(i) + " = :c" + i)
                .collect(Collectors.joining(", "))
            + " where "
            + IntStream.range(0, key.size())
                .mapToObj(i -> key.get(i) + " = :k" + i)
                .collect(Collectors.joining(" and "));
    Set<Integer> movedFrom = new TreeSet<>();
    Map<String, Integer> unopened = new TreeMap<>();
    long resealed = 0;
    long failed = 0;
    int changedRows = 0;
    for (Row row : rows) {
      boolean changed = false;
      for (int i = 0; i < row.values().length; i++) {
        byte[] value = row.values()[i];
        int version = PersonalDataProtector.keyVersion(value);
        if (value == null || version < 1 || version == active) {
          continue;
        }
        try {
          row.values()[i] = protector.reseal(value);
          movedFrom.add(version);
          resealed++;
          changed = true;
        } catch (IllegalStateException e) {
          // Counted and logged per column below: no row key, and the message never holds data.
          failed++;
          unopened.merge(columns.get(i) + ": " + e.getMessage(), 1, Integer::sum);
        }
      }
      if (changed) {
        var statement = jdbc.sql(update);
        for (int i = 0; i < columns.size(); i++) {
          statement = statement.param("c" + i, row.values()[i]);
        }
        for (int i = 0; i < key.size(); i++) {
          statement = statement.param("k" + i, row.key()[i]);
        }
        statement.update();
        changedRows++;
      }
    }
    unopened.forEach(
        (why, n) -> log.warn("Cannot re-encrypt {} values of {}.{}", n, t.table(), why));
    if (changedRows > 0) {
      versions.resealedFrom(movedFrom, clock.instant());
      audit.recordWrite("data-key.reseal", "data-key", t.table() + ":" + changedRows);
    }
    Object[] last = rows.isEmpty() ? after : rows.get(rows.size() - 1).key();
    return new Batch(rows.size(), last, resealed, failed);
  }

  /**
   * The key version of a sealed column in SQL, as {@link PersonalDataProtector#keyVersion} reads
   * it; null for no value or one in no known format.
   */
  private static String versionOf(String column) {
    return "(case when octet_length("
        + column
        + ") < 2 then null when get_byte("
        + column
        + ", 0) = 1 then 1 when get_byte("
        + column
        + ", 0) = 2 then get_byte("
        + column
        + ", 1) end)";
  }

  private static String placeholders(String prefix, int n) {
    return IntStream.range(0, n).mapToObj(i -> ":" + prefix + i).collect(Collectors.joining(", "));
  }

  /** How many values each sealed column holds under each key version. */
  List<KeyRotationView.Column> counts() {
    List<KeyRotationView.Column> out = new ArrayList<>();
    for (SealedColumns t : tables) {
      String values =
          t.columns().stream()
              .map(c -> "('" + c + "', " + versionOf("t." + c) + ")")
              .collect(Collectors.joining(", "));
      Map<String, Map<Integer, Long>> byColumn = new HashMap<>();
      jdbc.sql(
              "select x.col, x.v, count(*) from "
                  + t.table()
                  + " t cross join lateral (values "
                  + values
                  + ") as x(col, v) where x.v is not null group by x.col, x.v")
          .query(
              (rs, n) ->
                  byColumn
                      .computeIfAbsent(rs.getString(1), c -> new TreeMap<>())
                      .put(rs.getInt(2), rs.getLong(3)))
          .list();
      for (String c : t.columns()) {
        out.add(
            new KeyRotationView.Column(
                t.label(), t.table(), c, byColumn.getOrDefault(c, new TreeMap<>())));
      }
    }
    return out;
  }

  /**
   * {@link #counts} over every region's rows, whoever asks (an administrator's request sees only
   * its own region's rows through row-level security): the system row scope for this count only, in
   * the caller's transaction.
   */
  private List<KeyRotationView.Column> everyCount() {
    return RowScope.systemInTransaction(jdbc, this::counts);
  }

  /** The page: the versions, the values per version and column, the job's state. */
  @Transactional(readOnly = true)
  public KeyRotationView view(Actor actor) {
    Retention.requireAdministrator(actor);
    List<KeyRotationView.Column> columns = everyCount();
    return new KeyRotationView(
        protector.activeVersion(),
        versionViews(versions.all(), columns),
        columns,
        running.get(),
        lastRun);
  }

  private List<KeyRotationView.Version> versionViews(
      List<KeyVersion> all, List<KeyRotationView.Column> columns) {
    int active = protector.activeVersion();
    Instant now = clock.instant();
    List<KeyRotationView.Version> out = new ArrayList<>();
    for (KeyVersion v : all) {
      long values = valuesUnder(v.version(), columns);
      Instant from = retirableFrom(v, all);
      boolean retirable =
          !v.retired()
              && v.version() != active
              && v.version() < newest(all)
              && values == 0
              && !now.isBefore(from);
      out.add(
          new KeyRotationView.Version(
              v.version(),
              v.fingerprint(),
              v.createdAt(),
              v.retiredAt(),
              v.retiredBy(),
              v.version() == active,
              values,
              from,
              retirable));
    }
    return out;
  }

  private static long valuesUnder(int version, List<KeyRotationView.Column> columns) {
    return columns.stream().mapToLong(c -> c.values().getOrDefault(version, 0L)).sum();
  }

  private static int newest(List<KeyVersion> all) {
    return all.stream().mapToInt(KeyVersion::version).max().orElse(1);
  }

  /**
   * The quiet while is counted from the later of the version's last value moved and the start of
   * the active version: a save that read an old value before either may still write it back.
   */
  private Instant retirableFrom(KeyVersion v, List<KeyVersion> all) {
    int active = protector.activeVersion();
    Instant since =
        all.stream()
            .filter(k -> k.version() == active)
            .map(KeyVersion::createdAt)
            .findFirst()
            .orElse(v.createdAt());
    if (v.resealedAt() != null && v.resealedAt().isAfter(since)) {
      since = v.resealedAt();
    }
    return since.plus(quiet);
  }

  /**
   * Retires a version: refused while it is the active or newest one, while any value is sealed
   * under it, or before the quiet while after its last value moved. Audited.
   */
  @Transactional
  public void retire(int version, Actor actor) {
    Retention.requireAdministrator(actor);
    KeyVersion v = versions.lock(version).orElseThrow(() -> new NotFoundException("key version"));
    List<KeyVersion> all = versions.all();
    if (v.retired()) {
      throw DomainException.of(null, "keys.retire.already", version);
    }
    if (version == protector.activeVersion() || version >= newest(all)) {
      throw DomainException.of(null, "keys.retire.active", version);
    }
    long values = valuesUnder(version, everyCount());
    if (values > 0) {
      throw DomainException.of(null, "keys.retire.inUse", version, values);
    }
    Instant from = retirableFrom(v, all);
    if (clock.instant().isBefore(from)) {
      throw DomainException.of(
          null, "keys.retire.tooSoon", version, Math.max(1, quietMinutesLeft(from)));
    }
    versions.retire(version, actor.username(), clock.instant());
    audit.recordWrite("data-key.retire", "data-key", "version " + version);
    log.info("Data key version {} retired by {}", version, actor.username());
  }

  private long quietMinutesLeft(Instant from) {
    return (Duration.between(clock.instant(), from).toSeconds() + 59) / 60;
  }
}
