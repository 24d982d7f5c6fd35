package org.huhang.shared.person;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The versions of the data key that the database knows (their fingerprints, never the keys), for
 * the module that rotates them: which exist, when the rotation last moved data away from one, and
 * retiring one that nothing uses any more. The start-up check is {@link DataKeyConfiguration}.
 */
@Component
public class DataKeyVersions {

  /** One version: retired once no data is sealed under it and its key is no longer needed. */
  public record KeyVersion(
      int version,
      String fingerprint,
      Instant createdAt,
      Instant resealedAt,
      Instant retiredAt,
      String retiredBy) {

    public boolean retired() {
      return retiredAt != null;
    }
  }

  private static final String COLUMNS =
      "version, fingerprint, created_at, resealed_at, retired_at, retired_by";

  private final JdbcClient jdbc;

  DataKeyVersions(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Every version recorded, oldest first. */
  @Transactional(readOnly = true)
  public List<KeyVersion> all() {
    return jdbc.sql("select " + COLUMNS + " from kernel.data_key_version order by version")
        .query((rs, n) -> version(rs))
        .list();
  }

  /** One version, its row locked until the caller's transaction ends (a retirement). */
  @Transactional(propagation = Propagation.MANDATORY)
  public Optional<KeyVersion> lock(int version) {
    return jdbc.sql(
            "select " + COLUMNS + " from kernel.data_key_version where version = :v for update")
        .param("v", version)
        .query((rs, n) -> version(rs))
        .optional();
  }

  /** Marks a version retired: its key is no longer required at start-up. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void retire(int version, String by, Instant at) {
    jdbc.sql(
            """
            update kernel.data_key_version set retired_at = :at, retired_by = :by
             where version = :v and retired_at is null""")
        .param("v", version)
        .param("by", by)
        .param("at", Timestamp.from(at))
        .update();
  }

  /** Notes that data sealed under these versions was just re-encrypted. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void resealedFrom(Collection<Integer> versions, Instant at) {
    if (versions.isEmpty()) {
      return;
    }
    jdbc.sql("update kernel.data_key_version set resealed_at = :at where version in (:versions)")
        .param("versions", versions)
        .param("at", Timestamp.from(at))
        .update();
  }

  private static KeyVersion version(ResultSet rs) throws SQLException {
    return new KeyVersion(
        rs.getInt("version"),
        rs.getString("fingerprint"),
        rs.getTimestamp("created_at").toInstant(),
        instant(rs.getTimestamp("resealed_at")),
        instant(rs.getTimestamp("retired_at")),
        rs.getString("retired_by"));
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
