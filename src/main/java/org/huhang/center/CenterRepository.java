package org.huhang.center;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CenterRepository {

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
      "id, kind, name, region_code, region_path, address, phone, opening_hours, capacity, manager_user_id, status";

  private static final RowMapper<Row> ROW =
      (rs, n) ->
          new Row(
              rs.getObject("id", UUID.class),
              CenterKind.valueOf(rs.getString("kind")),
              rs.getString("name"),
              rs.getString("region_code"),
              rs.getString("region_path"),
              rs.getString("address"),
              rs.getString("phone"),
              rs.getString("opening_hours"),
              rs.getInt("capacity"),
              rs.getObject("manager_user_id", UUID.class),
              CenterStatus.valueOf(rs.getString("status")));

  private static final String SEARCH =
      """
      where region_path like :scope
        and (cast(:manager as uuid) is null or manager_user_id = :manager)
        and (cast(:q as text) is null or name like :q or address like :q)
        and (cast(:kind as text) is null or kind = :kind)
        and (cast(:status as text) is null or status = :status)""";

  private final JdbcClient jdbc;

  CenterRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Row> find(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from center.center where id = :id")
        .param("id", id)
        .query(ROW)
        .optional();
  }

  long count(String scope, UUID manager, CenterSearch s) {
    return bind(jdbc.sql("select count(*) from center.center " + SEARCH), scope, manager, s)
        .query(Long.class)
        .single();
  }

  List<Row> search(String scope, UUID manager, CenterSearch s, int limit, long offset) {
    return bind(
            jdbc.sql(
                "select "
                    + COLUMNS
                    + " from center.center "
                    + SEARCH
                    + " order by region_path, kind, name limit :limit offset :offset"),
            scope,
            manager,
            s)
        .param("limit", limit)
        .param("offset", offset)
        .query(ROW)
        .list();
  }

  private static JdbcClient.StatementSpec bind(
      JdbcClient.StatementSpec spec, String scope, UUID manager, CenterSearch s) {
    return spec.param("scope", scope)
        .param("manager", manager)
        .param(
            "q",
            s.q() == null
                ? null
                : "%" + s.q().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
        .param("kind", s.kind() == null ? null : s.kind().name())
        .param("status", s.status() == null ? null : s.status().name());
  }

  List<Row> inScope(String scope) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from center.center where region_path like :scope order by region_path, kind, name")
        .param("scope", scope)
        .query(ROW)
        .list();
  }

  List<Row> managedBy(UUID userId) {
    return jdbc.sql(
            "select " + COLUMNS + " from center.center where manager_user_id = :u order by name")
        .param("u", userId)
        .query(ROW)
        .list();
  }

  boolean nameTaken(String regionCode, String name, UUID except) {
    return jdbc.sql(
                "select count(*) from center.center where region_code = :r and name = :n and (cast(:id as uuid) is null or id <> :id)")
            .param("r", regionCode)
            .param("n", name)
            .param("id", except)
            .query(Long.class)
            .single()
        > 0;
  }

  void insert(Row r, Instant now) {
    jdbc.sql(
            """
            insert into center.center (id, kind, name, region_code, region_path, address, phone, opening_hours,
              capacity, manager_user_id, status, created_at, updated_at)
            values (:id, :kind, :name, :regionCode, :regionPath, :address, :phone, :hours, :capacity, :manager,
              :status, :now, :now)""")
        .param("id", r.id())
        .param("kind", r.kind().name())
        .param("name", r.name())
        .param("regionCode", r.regionCode())
        .param("regionPath", r.regionPath())
        .param("address", r.address())
        .param("phone", r.phone())
        .param("hours", r.openingHours())
        .param("capacity", r.capacity())
        .param("manager", r.managerId())
        .param("status", r.status().name())
        .param("now", Timestamp.from(now))
        .update();
  }

  void delete(UUID id) {
    jdbc.sql("delete from center.center where id = :id").param("id", id).update();
  }

  void update(Row r, Instant now) {
    jdbc.sql(
            """
            update center.center set kind = :kind, name = :name, address = :address, phone = :phone,
              opening_hours = :hours, capacity = :capacity, manager_user_id = :manager, status = :status,
              updated_at = :now
            where id = :id""")
        .param("id", r.id())
        .param("kind", r.kind().name())
        .param("name", r.name())
        .param("address", r.address())
        .param("phone", r.phone())
        .param("hours", r.openingHours())
        .param("capacity", r.capacity())
        .param("manager", r.managerId())
        .param("status", r.status().name())
        .param("now", Timestamp.from(now))
        .update();
  }
}
