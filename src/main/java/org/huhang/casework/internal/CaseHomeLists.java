package org.huhang.casework.internal;

import java.util.List;
import java.util.UUID;
import org.huhang.shared.Actor;
import org.huhang.shared.web.HomeSection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The open cases a home page lists: a counselor's own, a manager's centers', HIGH risk first (they
 * need attention before anything else), then the newest.
 */
@Component
class CaseHomeLists {

  private final JdbcClient jdbc;
  private final CaseAccess access;

  CaseHomeLists(JdbcClient jdbc, CaseAccess access) {
    this.jdbc = jdbc;
    this.access = access;
  }

  /** Each item: the couple, the case's link, and its risk's message key as the note. */
  List<Row> openCases(Actor actor, int limit) {
    String where = CaseAccess.visibleCondition(actor);
    var spec =
        jdbc.sql(
                """
                select c.id, c.risk, c.status,
                       (select string_agg(p.name, ' · ' order by p.role)
                          from casework.case_party p where p.case_id = c.id) as couple
                  from casework.counseling_case c
                 where c.status <> 'CLOSED'"""
                    + " and "
                    + where
                    + " order by c.risk = 'HIGH' desc, c.opened_on desc, c.created_at desc, c.id"
                    + " limit :limit")
            .param("scope", actor.scope().likePattern())
            .param("limit", limit);
    if (where.contains(":user")) {
      spec = spec.param("user", actor.userId());
    }
    if (where.contains(":managed")) {
      spec = spec.param("managed", access.managedCenters(actor));
    }
    return spec.query(
            (rs, n) ->
                new Row(
                    rs.getObject("id", UUID.class),
                    rs.getString("couple"),
                    rs.getString("risk"),
                    rs.getString("status")))
        .list();
  }

  record Row(UUID id, String couple, String risk, String status) {
    HomeSection.Item item(String note) {
      return new HomeSection.Item(couple == null ? "—" : couple, "/cases/" + id, note);
    }
  }
}
