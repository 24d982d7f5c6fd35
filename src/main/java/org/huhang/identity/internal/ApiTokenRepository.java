package org.huhang.identity.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.huhang.shared.Role;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** identity.api_token: tokens are found by the SHA-256 of their secret, never by the secret. */
@Repository
public class ApiTokenRepository {

  private static final String COLUMNS =
      "t.id, t.user_id, t.name, t.created_at, t.expires_on, t.revoked_at, t.revoked_by,"
          + " t.last_used_at, t.last_used_from";

  private static final RowMapper<ApiTokenRow> ROW =
      (rs, n) ->
          new ApiTokenRow(
              rs.getObject("id", UUID.class),
              rs.getObject("user_id", UUID.class),
              rs.getString("name"),
              rs.getTimestamp("created_at").toInstant(),
              rs.getObject("expires_on", LocalDate.class),
              instant(rs.getTimestamp("revoked_at")),
              rs.getString("revoked_by"),
              instant(rs.getTimestamp("last_used_at")),
              rs.getString("last_used_from"));

  /** A token with its user, as the Bearer check needs it: one look-up of the unique hash index. */
  public record Holder(ApiTokenRow token, UserRow user) {}

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;

  ApiTokenRepository(JdbcClient jdbc, JdbcTemplate batch) {
    this.jdbc = jdbc;
    this.batch = batch;
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  public void insert(ApiTokenRow row, byte[] hash) {
    jdbc.sql(
            """
            insert into identity.api_token (id, user_id, name, token_hash, created_at, expires_on)
            values (:id, :userId, :name, :hash, :createdAt, :expiresOn)""")
        .param("id", row.id())
        .param("userId", row.userId())
        .param("name", row.name())
        .param("hash", hash)
        .param("createdAt", Timestamp.from(row.createdAt()))
        .param("expiresOn", row.expiresOn())
        .update();
  }

  public Optional<Holder> findByHash(byte[] hash) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + ", u.username, u.display_name, u.role, u.region_code, u.region_path, u.enabled,"
                + " u.created_at as user_created_at"
                + " from identity.api_token t join identity.app_user u on u.id = t.user_id"
                + " where t.token_hash = :hash")
        .param("hash", hash)
        .query(
            (rs, n) ->
                new Holder(
                    ROW.mapRow(rs, n),
                    new UserRow(
                        rs.getObject("user_id", UUID.class),
                        rs.getString("username"),
                        rs.getString("display_name"),
                        null,
                        Role.valueOf(rs.getString("role")),
                        rs.getString("region_code"),
                        rs.getString("region_path"),
                        rs.getBoolean("enabled"),
                        rs.getTimestamp("user_created_at").toInstant())))
        .optional();
  }

  public List<ApiTokenRow> forUser(UUID userId) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from identity.api_token t where t.user_id = :u order by t.created_at desc, t.id")
        .param("u", userId)
        .query(ROW)
        .list();
  }

  public Optional<ApiTokenRow> findOfUser(UUID id, UUID userId) {
    return jdbc.sql(
            "select " + COLUMNS + " from identity.api_token t where id = :id and user_id = :u")
        .param("id", id)
        .param("u", userId)
        .query(ROW)
        .optional();
  }

  /** The token when its user lies inside the scope ({@code region_path like :scope}). */
  public Optional<ApiTokenRow> findInScope(UUID id, String scope) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from identity.api_token t join identity.app_user u on u.id = t.user_id"
                + " where t.id = :id and u.region_path like :scope")
        .param("id", id)
        .param("scope", scope)
        .query(ROW)
        .optional();
  }

  /** Revokes a token not yet revoked; answers whether it did. */
  public boolean revoke(UUID id, String by, Instant at) {
    return jdbc.sql(
                "update identity.api_token set revoked_at = :at, revoked_by = :by"
                    + " where id = :id and revoked_at is null")
            .param("at", Timestamp.from(at))
            .param("by", by)
            .param("id", id)
            .update()
        == 1;
  }

  /** Last uses gathered in memory, written in one batch; a later time is never overwritten. */
  public void recordUses(Map<UUID, ApiTokenUsage.Use> uses) {
    if (uses.isEmpty()) {
      return;
    }
    List<Object[]> rows =
        uses.entrySet().stream()
            .map(
                e ->
                    new Object[] {
                      Timestamp.from(e.getValue().at()), e.getValue().from(), e.getKey()
                    })
            .toList();
    batch.batchUpdate(
        "update identity.api_token set last_used_at = ?, last_used_from = ?"
            + " where id = ? and (last_used_at is null or last_used_at <= ?)",
        rows.stream().map(r -> new Object[] {r[0], r[1], r[2], r[0]}).toList());
  }
}
