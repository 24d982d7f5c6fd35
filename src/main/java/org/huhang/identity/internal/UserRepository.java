package org.huhang.identity.internal;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.huhang.shared.Role;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class UserRepository {

  private static final String COLUMNS =
      "id, username, display_name, password_hash, role, region_code, region_path, enabled, created_at";

  private static final RowMapper<UserRow> ROW =
      (rs, n) ->
          new UserRow(
              rs.getObject("id", UUID.class),
              rs.getString("username"),
              rs.getString("display_name"),
              rs.getString("password_hash"),
              Role.valueOf(rs.getString("role")),
              rs.getString("region_code"),
              rs.getString("region_path"),
              rs.getBoolean("enabled"),
              rs.getTimestamp("created_at").toInstant());

  private final JdbcClient jdbc;

  UserRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<UserRow> findByUsername(String username) {
    return jdbc.sql(
            "select " + COLUMNS + " from identity.app_user where lower(username) = lower(:u)")
        .param("u", username)
        .query(ROW)
        .optional();
  }

  public Optional<UserRow> findById(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from identity.app_user where id = :id")
        .param("id", id)
        .query(ROW)
        .optional();
  }

  /** The user when it lies inside the scope ({@code region_path like :scope}), else empty. */
  public Optional<UserRow> findInScope(UUID id, String scope) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from identity.app_user where id = :id and region_path like :scope")
        .param("id", id)
        .param("scope", scope)
        .query(ROW)
        .optional();
  }

  public long count() {
    return jdbc.sql("select count(*) from identity.app_user").query(Long.class).single();
  }

  public long countInScope(String scope, String q, Role role) {
    return jdbc.sql("select count(*) from identity.app_user " + SEARCH)
        .param("scope", scope)
        .param("q", q == null ? null : "%" + escapeLike(q) + "%")
        .param("role", role == null ? null : role.name())
        .query(Long.class)
        .single();
  }

  public List<UserRow> searchInScope(String scope, String q, Role role, int limit, long offset) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from identity.app_user "
                + SEARCH
                + " order by region_path, role, username limit :limit offset :offset")
        .param("scope", scope)
        .param("q", q == null ? null : "%" + escapeLike(q) + "%")
        .param("role", role == null ? null : role.name())
        .param("limit", limit)
        .param("offset", offset)
        .query(ROW)
        .list();
  }

  private static final String SEARCH =
      """
      where region_path like :scope
        and (cast(:q as text) is null or username ilike :q or display_name ilike :q)
        and (cast(:role as text) is null or role = :role)""";

  public static String escapeLike(String s) {
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  public void insert(UserRow user, String createdBy) {
    jdbc.sql(
            """
            insert into identity.app_user
              (id, username, display_name, password_hash, role, region_code, region_path, enabled,
               created_at, created_by, password_changed_at)
            values (:id, :username, :displayName, :hash, :role, :regionCode, :regionPath, :enabled,
               :createdAt, :createdBy, :createdAt)""")
        .param("id", user.id())
        .param("username", user.username())
        .param("displayName", user.displayName())
        .param("hash", user.passwordHash())
        .param("role", user.role().name())
        .param("regionCode", user.regionCode())
        .param("regionPath", user.regionPath())
        .param("enabled", user.enabled())
        .param("createdAt", Timestamp.from(user.createdAt()))
        .param("createdBy", createdBy)
        .update();
  }

  public void setEnabled(UUID id, boolean enabled) {
    jdbc.sql("update identity.app_user set enabled = :e where id = :id")
        .param("e", enabled)
        .param("id", id)
        .update();
  }

  public void setPassword(UUID id, String hash, Timestamp at) {
    jdbc.sql(
            "update identity.app_user set password_hash = :h, password_changed_at = :at where id = :id")
        .param("h", hash)
        .param("at", at)
        .param("id", id)
        .update();
  }
}
