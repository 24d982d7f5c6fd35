package org.huhang.privacy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The key rotation page: the versions of the data key, how many sealed values each still holds per
 * column, and the re-encryption job's state.
 *
 * @param active the version that seals new data
 * @param versions every version recorded, oldest first
 * @param columns every sealed column with its values per version
 * @param running whether the job is re-encrypting now
 * @param lastRun the last run on this instance since its start, or null
 */
public record KeyRotationView(
    int active, List<Version> versions, List<Column> columns, boolean running, Run lastRun) {

  /** One version of the key. */
  public record Version(
      int version,
      String fingerprint,
      Instant createdAt,
      Instant retiredAt,
      String retiredBy,
      boolean active,
      long values,
      Instant retirableFrom,
      boolean retirable) {

    /** Enough of the fingerprint to compare it with a key file's, never the key. */
    public String fingerprintStart() {
      return fingerprint.length() > 12 ? fingerprint.substring(0, 12) : fingerprint;
    }

    public boolean retired() {
      return retiredAt != null;
    }
  }

  /** One sealed column: the label key of its table, and its values per key version. */
  public record Column(String label, String table, String column, Map<Integer, Long> values) {

    public long total() {
      return values.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  /** A run of the job: when, how many values it re-encrypted, how many it could not open. */
  public record Run(Instant startedAt, Instant finishedAt, long resealed, long failed) {}

  /** Every sealed value there is. */
  public long total() {
    return columns.stream().mapToLong(Column::total).sum();
  }

  /** The values sealed under the active version. */
  public long underActive() {
    return columns.stream().mapToLong(c -> c.values().getOrDefault(active, 0L)).sum();
  }

  /** The values still under an older version. */
  public long waiting() {
    return total() - underActive();
  }

  /** How far the re-encryption is, in whole percent (100 with nothing sealed at all). */
  public int percent() {
    long total = total();
    return total == 0 ? 100 : (int) (underActive() * 100 / total);
  }
}
