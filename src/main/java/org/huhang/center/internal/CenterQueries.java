package org.huhang.center.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.huhang.center.CenterKind;
import org.huhang.center.CenterSearch;
import org.huhang.center.CenterStatus;
import org.huhang.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads of centers for pages, the API and other modules. The caller's scope and, for a center
 * manager, its own id are bind parameters of every query that answers a user.
 */
@Repository
class CenterQueries {

  /** A center as read for a list, before region and manager names are added. */
  record Row(
      UUID id,
      CenterKind kind,
      String name,
      String regionCode,
      String regionPath,
      String address,
      String phone,
      String openingHours,
      int capacity,
      UUID managerId,
      CenterStatus status) {}

  private static final String COLUMNS =
      """
      select id, kind, name, region_code, region_path, address, phone, opening_hours, capacity,
        manager_user_id as manager_id, status
      from center.center
      """;

  private static final String IN_SCOPE =
      """
      region_path like :scope
        and (cast(:manager as uuid) is null or manager_user_id = :manager)""";

  private static final String SEARCH =
      " where "
          + IN_SCOPE
          + " and (cast(:q as text) is null or name like :q or address like :q)"
          + " and (cast(:kind as text) is null or kind = :kind)"
          + " and (cast(:status as text) is null or status = :status)";

  private final JdbcClient jdbc;

  CenterQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The center if the scope sees it; otherwise it does not exist for the caller (404). */
  Row visible(UUID id, CenterScope scope) {
    return jdbc.sql(COLUMNS + " where id = :id and " + IN_SCOPE)
        .param("id", id)
        .param("scope", scope.regionPattern())
        .param("manager", scope.managerId())
        .query(Row.class)
        .optional()
        .orElseThrow(() -> new NotFoundException("center"));
  }

  /** Any center, regardless of scope: for modules that already hold its id. */
  Optional<Row> find(UUID id) {
    return jdbc.sql(COLUMNS + " where id = :id").param("id", id).query(Row.class).optional();
  }

  /** The center of this name at exactly this region. */
  Optional<Row> named(String regionCode, String name) {
    return jdbc.sql(COLUMNS + " where region_code = :region and name = :name")
        .param("region", regionCode)
        .param("name", name)
        .query(Row.class)
        .optional();
  }

  long count(CenterScope scope, CenterSearch search) {
    return bind(jdbc.sql("select count(*) from center.center" + SEARCH), scope, search)
        .query(Long.class)
        .single();
  }

  List<Row> search(CenterScope scope, CenterSearch search, int limit, long offset) {
    return bind(
            jdbc.sql(
                COLUMNS + SEARCH + " order by region_path, kind, name limit :limit offset :offset"),
            scope,
            search)
        .param("limit", limit)
        .param("offset", offset)
        .query(Row.class)
        .list();
  }

  private static JdbcClient.StatementSpec bind(
      JdbcClient.StatementSpec spec, CenterScope scope, CenterSearch search) {
    return spec.param("scope", scope.regionPattern())
        .param("manager", scope.managerId())
        .param("q", search.q() == null ? null : "%" + escapeLike(search.q()) + "%")
        .param("kind", search.kind() == null ? null : search.kind().name())
        .param("status", search.status() == null ? null : search.status().name());
  }

  private static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  /** Every center under a region path pattern, ordered as the lists show them. */
  List<Row> inRegions(String regionPattern) {
    return jdbc.sql(COLUMNS + " where region_path like :scope order by region_path, kind, name")
        .param("scope", regionPattern)
        .query(Row.class)
        .list();
  }

  /** The open centers under a region path pattern, in the order of {@link #inRegions}. */
  List<Row> openInRegions(String regionPattern) {
    return jdbc.sql(
            COLUMNS
                + " where region_path like :scope and status = 'OPEN'"
                + " order by region_path, kind, name")
        .param("scope", regionPattern)
        .query(Row.class)
        .list();
  }

  /** A center's name with what decides who sees it, for {@link CenterNames}. */
  record NameRow(UUID id, String name, String regionPath, UUID managerUserId) {}

  List<NameRow> nameRows(java.util.Collection<UUID> ids) {
    return jdbc.sql(
            "select id, name, region_path, manager_user_id from center.center where id = any(:ids)")
        .param("ids", ids.toArray(UUID[]::new))
        .query(NameRow.class)
        .list();
  }

  /** The centers a user runs, by name. */
  List<Row> managedBy(UUID userId) {
    return jdbc.sql(COLUMNS + " where manager_user_id = :manager order by name")
        .param("manager", userId)
        .query(Row.class)
        .list();
  }

  /** Ids of the centers a user runs, in the order of {@link #managedBy}. */
  List<UUID> idsManagedBy(UUID userId) {
    return jdbc.sql("select id from center.center where manager_user_id = :manager order by name")
        .param("manager", userId)
        .query(UUID.class)
        .list();
  }

  /** Whether another center of the region already has this name. */
  boolean nameTaken(String regionCode, String name, UUID except) {
    return jdbc.sql(
            """
            select exists (select 1 from center.center
              where region_code = :region and name = :name
                and (cast(:id as uuid) is null or id <> :id))""")
        .param("region", regionCode)
        .param("name", name)
        .param("id", except)
        .query(Boolean.class)
        .single();
  }
}
