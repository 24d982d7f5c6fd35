package org.huhang.outreach.internal;

import java.util.List;
import java.util.UUID;
import org.huhang.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which service projects a scope sees: the scope is a bind parameter; lists are paged here. */
@Repository
class ProjectQueries {

  private final JdbcClient jdbc;

  ProjectQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The project's id if the scope sees it; otherwise it does not exist for the caller (404). */
  UUID visible(UUID id, String scope) {
    return jdbc.sql(
            "select id from outreach.service_project where id = :id and region_path like :scope")
        .param("id", id)
        .param("scope", scope)
        .query(UUID.class)
        .optional()
        .orElseThrow(() -> new NotFoundException("service project"));
  }

  long count(String scope) {
    return jdbc.sql("select count(*) from outreach.service_project where region_path like :scope")
        .param("scope", scope)
        .query(Long.class)
        .single();
  }

  /** A page of the scope's projects, the most recently started first. */
  List<UUID> page(String scope, int limit, long offset) {
    return jdbc.sql(
            """
            select id from outreach.service_project where region_path like :scope
            order by started_on desc, name, id limit :limit offset :offset""")
        .param("scope", scope)
        .param("limit", limit)
        .param("offset", offset)
        .query(UUID.class)
        .list();
  }

  boolean named(String name, UUID centerId) {
    return jdbc.sql(
            "select exists (select 1 from outreach.service_project"
                + " where name = :name and center_id = :center)")
        .param("name", name)
        .param("center", centerId)
        .query(Boolean.class)
        .single();
  }
}
