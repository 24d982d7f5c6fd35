package org.huhang.casework.internal;

import java.util.List;
import java.util.UUID;
import org.huhang.casework.CaseStatus;
import org.huhang.casework.Risk;
import org.huhang.center.CenterId;
import org.huhang.center.Centers;
import org.huhang.shared.Actor;
import org.huhang.shared.NotFoundException;
import org.huhang.shared.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds a case as the actor may see it, in one query with the scope bound: a counselor only the
 * cases whose current team it is on, a center manager those of the centers it runs, an
 * administrator those of its region. Anything else is 404, whether the case exists or not; a role
 * that sees no case is 403 before the question is asked.
 */
@Component
public class CaseAccess {

  private final JdbcClient jdbc;
  private final Centers centers;
  private final CaseworkPolicy policy;

  CaseAccess(JdbcClient jdbc, Centers centers, CaseworkPolicy policy) {
    this.jdbc = jdbc;
    this.centers = centers;
    this.policy = policy;
  }

  /** The case when the actor sees it; {@code lock} takes its row for the transaction. */
  public CaseRef find(UUID caseId, Actor actor, boolean lock) {
    policy.requireCaseRole(actor);
    UUID[] managed = managedCenters(actor);
    return jdbc.sql(
            """
            select c.id, c.center_id, c.region_path, c.status, c.risk, c.version,
                   exists (select 1 from casework.team_member t
                            where t.case_id = c.id and t.user_id = :user and t.removed_at is null)
                     as on_team
              from casework.counseling_case c
             where c.id = :id and c.region_path like :scope"""
                + (lock ? " for update of c" : ""))
        .param("id", caseId)
        .param("user", actor.userId())
        .param("scope", actor.scope().likePattern())
        .query(
            (rs, n) -> {
              UUID center = rs.getObject("center_id", UUID.class);
              boolean onTeam = actor.is(Role.COUNSELOR) && rs.getBoolean("on_team");
              boolean manages =
                  actor.is(Role.CENTER_MANAGER)
                      && java.util.Arrays.asList(managed).contains(center);
              return new CaseRef(
                  rs.getObject("id", UUID.class),
                  center,
                  rs.getString("region_path"),
                  CaseStatus.valueOf(rs.getString("status")),
                  Risk.valueOf(rs.getString("risk")),
                  rs.getLong("version"),
                  onTeam,
                  manages,
                  actor.role().isAdministrator());
            })
        .optional()
        .filter(ref -> ref.onTeam() || ref.managesCenter() || ref.administers())
        .orElseThrow(() -> new NotFoundException("case"));
  }

  public CaseRef find(UUID caseId, Actor actor) {
    return find(caseId, actor, false);
  }

  /** The centers a manager runs (empty for other roles). */
  public UUID[] managedCenters(Actor actor) {
    if (!actor.is(Role.CENTER_MANAGER)) {
      return new UUID[0];
    }
    List<CenterId> ids = centers.managedBy(actor.userId());
    return ids.stream().map(CenterId::value).toArray(UUID[]::new);
  }

  /**
   * The SQL condition (on alias {@code c}) that limits a case list to what the actor sees, with
   * parameters {@code :scope}, {@code :user} and {@code :managed}.
   */
  static String visibleCondition(Actor actor) {
    if (actor.is(Role.COUNSELOR)) {
      return "c.region_path like :scope and exists (select 1 from casework.team_member t"
          + " where t.case_id = c.id and t.user_id = :user and t.removed_at is null)";
    }
    if (actor.is(Role.CENTER_MANAGER)) {
      return "c.region_path like :scope and c.center_id = any(:managed)";
    }
    return "c.region_path like :scope";
  }
}
