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

  /** A list's columns: the password hash stays in the database (a page has no use for it). */
  private static final String LIST_COLUMNS =
      "id, username, display_name, null as password_hash, role, region_code, region_path, enabled,"
          + " created_at";

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

  public List<UserRow> findAllById(java.util.Collection<UUID> ids) {
    return jdbc.sql("select " + COLUMNS + " from identity.app_user where id = any(:ids)")
        .param("ids", ids.toArray(UUID[]::new))
        .query(ROW)
        .list();
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

  /** How many users of the scope match, counted up to {@code limit}. */
  public long countInScope(String scope, String q, Role role, long limit) {
    return bind(
            jdbc.sql(
                "select count(*) from (select 1 from identity.app_user "
                    + where(q, role != null)
                    + " limit :limit) m"),
            scope,
            q,
            role)
        .param("limit", limit)
        .query(Long.class)
        .single();
  }

  /**
   * A page of the users of the scope that match, by region path (byte order, as the index {@code
   * app_user_list_order} holds them), role and username.
   */
  public List<UserRow> searchInScope(String scope, String q, Role role, int limit, long offset) {
    return bind(
            jdbc.sql(
                "select "
                    + LIST_COLUMNS
                    + " from identity.app_user "
                    + where(q, role != null)
                    + " order by region_path collate \"C\", role, username"
                    + " limit :limit offset :offset"),
            scope,
            q,
            role)
        .param("limit", limit)
        .param("offset", offset)
        .query(ROW)
        .list();
  }

  /**
   * The filter: the scope, the role and the text in username or display name. One or two characters
   * are looked up among the names' one- and two-character pieces ({@code identity.name_grams}, a
   * GIN index); longer text by {@code ilike} with the trigram indexes. Both find exactly the users
   * whose username or display name holds the text, ignoring case.
   */
  private static String where(String q, boolean role) {
    String name =
        q == null
            ? ""
            : shortTerm(q)
                ? " and identity.name_grams(username, display_name) @> array[lower(:term)]"
                : " and (username ilike :q or display_name ilike :q)";
    return "where region_path like :scope" + (role ? " and role = :role" : "") + name;
  }

  private static boolean shortTerm(String q) {
    return q.codePointCount(0, q.length()) <= 2;
  }

  private static JdbcClient.StatementSpec bind(
      JdbcClient.StatementSpec spec, String scope, String q, Role role) {
    spec.param("scope", scope).param("role", role == null ? null : role.name());
    if (q != null && shortTerm(q)) {
      spec.param("term", q);
    } else if (q != null) {
      spec.param("q", "%" + escapeLike(q) + "%");
    }
    return spec;
  }

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
