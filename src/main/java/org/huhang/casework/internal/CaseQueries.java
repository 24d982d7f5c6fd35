package org.huhang.casework.internal;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.huhang.casework.CaseId;
import org.huhang.casework.CaseSearch;
import org.huhang.casework.CaseSource;
import org.huhang.casework.CaseStage;
import org.huhang.casework.CaseStatus;
import org.huhang.casework.CaseSummary;
import org.huhang.casework.IssueCategory;
import org.huhang.casework.Risk;
import org.huhang.center.Centers;
import org.huhang.shared.Actor;
import org.huhang.shared.LegalTime;
import org.huhang.shared.Paged;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Case lists and the issue-category dictionary; the actor's scope bound in every query. */
@Repository
public class CaseQueries {

  private final JdbcClient jdbc;
  private final Centers centers;
  private final CaseAccess access;
  private final CaseworkPolicy policy;
  private final java.time.Clock clock;

  CaseQueries(
      JdbcClient jdbc,
      Centers centers,
      CaseAccess access,
      CaseworkPolicy policy,
      java.time.Clock clock) {
    this.clock = clock;
    this.jdbc = jdbc;
    this.centers = centers;
    this.access = access;
    this.policy = policy;
  }

  /** The dictionary, active entries first in their order. */
  public List<IssueCategory> categories() {
    return jdbc.sql(
            """
            select code, name_zh, name_en, specialities, active
              from casework.issue_category order by active desc, sort_order, code""")
        .query(
            (rs, n) ->
                new IssueCategory(
                    rs.getString("code"),
                    rs.getString("name_zh"),
                    rs.getString("name_en"),
                    Arrays.asList((String[]) rs.getArray("specialities").getArray()),
                    rs.getBoolean("active")))
        .list();
  }

  public java.util.Set<String> activeCategories() {
    return categories().stream()
        .filter(IssueCategory::active)
        .map(IssueCategory::code)
        .collect(Collectors.toSet());
  }

  /**
   * The cases the actor sees, filtered, newest first (open before closed), one page: a counselor's
   * own, a manager's centers', an administrator's region.
   */
  @Transactional(readOnly = true)
  public Paged<CaseSummary> search(CaseSearch search, Actor actor) {
    policy.requireCaseRole(actor);
    int size = Paged.clampSize(search.size());
    int page = Paged.clampPage(search.page());
    String where =
        CaseAccess.visibleCondition(actor)
            + (search.status() == null ? "" : " and c.status = :status")
            // The risk as a literal (an enum's name): the prepared statement's generic plan then
            // knows it and reads the HIGH cases' own index (V34).
            + (search.risk() == null ? "" : " and c.risk = '" + search.risk().name() + "'")
            + (search.stage() == null ? "" : " and c.stage = :stage")
            + (search.centerId() == null ? "" : " and c.center_id = :center");
    // Counted up to the cap, and only when the page does not tell the total (Paged.counted).
    var count =
        jdbc.sql(
            "select count(*) from (select 1 from casework.counseling_case c where "
                + where
                + " limit :countLimit) m");
    var rows =
        jdbc.sql(
            """
            select c.id, c.center_id, c.stage, c.source, c.status, c.risk, c.issue_categories,
                   c.opened_on,
                   (select string_agg(p.name, ' · ' order by p.role)
                      from casework.case_party p where p.case_id = c.id) as parties,
                   (select t.name from casework.team_member t
                     where t.case_id = c.id and t.lead and t.removed_at is null) as lead_name,
                   (select min(s.scheduled_at) from casework.session s
                     where s.case_id = c.id and s.status = 'SCHEDULED' and s.scheduled_at >= :now)
                     as next_session
              from casework.counseling_case c
             where\s"""
                + where
                + " order by c.status = 'CLOSED', c.opened_on desc, c.id limit :limit offset :offset");
    for (var spec : List.of(count, rows)) {
      spec.param("scope", actor.scope().likePattern());
      spec.param("now", Timestamp.from(clock.instant()));
      if (where.contains(":user")) {
        spec.param("user", actor.userId());
      }
      if (where.contains(":managed")) {
        spec.param("managed", access.managedCenters(actor));
      }
      if (search.status() != null) {
        spec.param("status", search.status().name());
      }
      if (search.stage() != null) {
        spec.param("stage", search.stage().name());
      }
      if (search.centerId() != null) {
        spec.param("center", search.centerId());
      }
    }
    List<CaseSummary> unnamed =
        rows.param("limit", size)
            .param("offset", (long) page * size)
            .query(
                (rs, n) -> {
                  UUID center = rs.getObject("center_id", UUID.class);
                  Timestamp next = rs.getTimestamp("next_session");
                  return new CaseSummary(
                      new CaseId(rs.getObject("id", UUID.class)),
                      rs.getString("parties"),
                      center,
                      "",
                      CaseStage.valueOf(rs.getString("stage")),
                      CaseSource.valueOf(rs.getString("source")),
                      CaseStatus.valueOf(rs.getString("status")),
                      Risk.valueOf(rs.getString("risk")),
                      Arrays.asList((String[]) rs.getArray("issue_categories").getArray()),
                      rs.getObject("opened_on", LocalDate.class),
                      rs.getString("lead_name"),
                      next == null
                          ? null
                          : java.time.LocalDateTime.ofInstant(next.toInstant(), LegalTime.ZONE));
                })
            .list();
    // The names of the page's centers only (every center with its region and manager names was
    // a third of the list's time, issue 13).
    Map<UUID, String> centerNames =
        centers.names(
            unnamed.stream()
                .map(CaseSummary::centerId)
                .filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet()));
    List<CaseSummary> items =
        unnamed.stream()
            .map(c -> c.withCenterName(centerNames.getOrDefault(c.centerId(), "")))
            .toList();
    return Paged.counted(
        items, page, size, limit -> count.param("countLimit", limit).query(Long.class).single());
  }
}
