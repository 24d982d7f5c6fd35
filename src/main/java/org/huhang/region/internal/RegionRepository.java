package org.huhang.region.internal;

import java.util.List;
import java.util.Optional;
import org.huhang.region.RegionLevel;
import org.huhang.region.RegionView;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class RegionRepository {

  private static final RowMapper<RegionView> ROW =
      (rs, n) ->
          new RegionView(
              rs.getString("code"),
              rs.getString("parent_code"),
              rs.getString("name"),
              RegionLevel.valueOf(rs.getString("level")),
              rs.getString("path"),
              rs.getTimestamp("closed_at") != null);

  private final JdbcClient jdbc;

  RegionRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<RegionView> find(String code) {
    return jdbc.sql(
            "select code, parent_code, name, level, path, closed_at from region.region where code = :code")
        .param("code", code)
        .query(ROW)
        .optional();
  }

  /** Code to name of the regions among {@code codes}. */
  public java.util.Map<String, String> names(java.util.Collection<String> codes) {
    java.util.Map<String, String> names = new java.util.HashMap<>();
    jdbc.sql("select code, name from region.region where code = any(:codes)")
        .param("codes", codes.toArray(String[]::new))
        .query((rs, n) -> names.put(rs.getString(1), rs.getString(2)))
        .list();
    return names;
  }

  /** The region when it lies inside the scope ({@code path like :scope}), else empty. */
  public Optional<RegionView> findInScope(String code, String scope) {
    return jdbc.sql(
            "select code, parent_code, name, level, path, closed_at from region.region"
                + " where code = :code and path like :scope")
        .param("code", code)
        .param("scope", scope)
        .query(ROW)
        .optional();
  }

  /** Every region whose path starts with the scope pattern, parents before children. */
  public List<RegionView> findInScope(String likePattern) {
    return jdbc.sql(
            """
            select code, parent_code, name, level, path, closed_at from region.region
            where path like :scope order by length(code), code""")
        .param("scope", likePattern)
        .query(ROW)
        .list();
  }

  public List<RegionView> children(String parentCode) {
    return jdbc.sql(
            "select code, parent_code, name, level, path, closed_at from region.region where parent_code = :p order by code")
        .param("p", parentCode)
        .query(ROW)
        .list();
  }

  public boolean siblingNamed(String parentCode, String name) {
    return jdbc.sql("select count(*) from region.region where parent_code = :p and name = :n")
            .param("p", parentCode)
            .param("n", name)
            .query(Long.class)
            .single()
        > 0;
  }

  /** Whether a sibling other than {@code code} has this name. */
  public boolean otherSiblingNamed(String parentCode, String code, String name) {
    return jdbc.sql(
                "select count(*) from region.region where parent_code = :p and name = :n and code <> :c")
            .param("p", parentCode)
            .param("n", name)
            .param("c", code)
            .query(Long.class)
            .single()
        > 0;
  }

  public void rename(String code, String name) {
    jdbc.sql("update region.region set name = :n where code = :c")
        .param("n", name)
        .param("c", code)
        .update();
  }

  /** Closes the region and every region below it that is still open. */
  public void close(String path, java.time.Instant at, String by) {
    jdbc.sql(
            "update region.region set closed_at = :at, closed_by = :by"
                + " where path like :below and closed_at is null")
        .param("at", java.sql.Timestamp.from(at))
        .param("by", by)
        .param("below", path + "%")
        .update();
  }

  public void insert(RegionView region) {
    jdbc.sql(
            """
            insert into region.region (code, parent_code, name, level, path)
            values (:code, :parent, :name, :level, :path)""")
        .param("code", region.code())
        .param("parent", region.parentCode())
        .param("name", region.name())
        .param("level", region.level().name())
        .param("path", region.path())
        .update();
  }
}
