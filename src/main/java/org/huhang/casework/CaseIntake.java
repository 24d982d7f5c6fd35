package org.huhang.casework;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.huhang.casework.internal.CaseFile;
import org.huhang.center.CenterView;
import org.huhang.shared.Actor;
import org.huhang.shared.DomainException.FieldProblem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How other modules bring a family in: open a case (a family's own booking, accepted by the center
 * manager) and learn which cases an actor works, with the same rules as the case pages.
 */
@Service
public class CaseIntake {

  private final CaseFile cases;
  private final JdbcClient jdbc;

  CaseIntake(CaseFile cases, JdbcClient jdbc) {
    this.cases = cases;
    this.jdbc = jdbc;
  }

  /**
   * The open centers the actor may open a case at: a manager's own, an administrator's region's.
   */
  public List<CenterView> openableCenters(Actor actor) {
    return cases.openableCenters(actor);
  }

  /** What opening this case would refuse, every field at once; nothing is written. */
  public List<FieldProblem> problems(OpenCase command, Actor actor) {
    return cases.problems(command, actor);
  }

  /** Opens a case as the case form does (manager or administrator, audited). */
  public CaseId open(OpenCase command, Actor actor) {
    return cases.open(command, actor);
  }

  /** Whether the actor works this case (its team, its center's manager); 404 when it is unseen. */
  public boolean works(CaseId id, Actor actor) {
    return cases.works(id, actor);
  }

  /**
   * Of these cases, those a satisfaction survey is now due for: a session was held or the case is
   * closed. Each maps to whether the case was screened and found LOW risk, the only cases whose
   * parties a text message may reach.
   */
  @Transactional(readOnly = true)
  public java.util.Map<UUID, Boolean> surveyDue(java.util.Collection<UUID> caseIds) {
    java.util.Map<UUID, Boolean> due = new java.util.HashMap<>();
    if (caseIds.isEmpty()) {
      return due;
    }
    jdbc.sql(
            """
            select c.id, c.risk = 'LOW' as low from casework.counseling_case c
             where c.id = any(:ids)
               and (c.status = 'CLOSED'
                    or exists (select 1 from casework.session s
                                where s.case_id = c.id and s.status = 'HELD'))""")
        .param("ids", caseIds.toArray(UUID[]::new))
        .query(
            (rs, n) -> {
              due.put(rs.getObject("id", UUID.class), rs.getBoolean("low"));
              return null;
            })
        .list();
    return due;
  }

  /** A center's closed cases, the earliest closed first (what the demo's surveys follow). */
  @Transactional(readOnly = true)
  public List<UUID> closedAt(UUID centerId, int limit) {
    return jdbc.sql(
            """
            select id from casework.counseling_case
             where center_id = :c and status = 'CLOSED' order by closed_on, id limit :n""")
        .param("c", centerId)
        .param("n", limit)
        .query(UUID.class)
        .list();
  }

  /** The cases whose current team the actor's account belongs to. */
  @Transactional(readOnly = true)
  public Set<UUID> onTeamOf(Actor actor) {
    return Set.copyOf(
        jdbc.sql(
                """
                select distinct case_id from casework.team_member
                 where user_id = :user and removed_at is null""")
            .param("user", actor.userId())
            .query(UUID.class)
            .list());
  }
}
