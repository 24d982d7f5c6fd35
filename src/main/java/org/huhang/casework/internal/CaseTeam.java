package org.huhang.casework.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.huhang.audit.AuditTrail;
import org.huhang.casework.AssignTeam;
import org.huhang.casework.CaseId;
import org.huhang.casework.TeamMemberView;
import org.huhang.shared.Actor;
import org.huhang.shared.DomainException;
import org.huhang.shared.DomainException.FieldProblem;
import org.huhang.volunteer.CounselorCandidate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A case's team: one lead counselor and co-counselors, volunteers with counselor accounts in the
 * case's county. The case's center manager (or an administrator) assigns it, adopting the proposal
 * or choosing others; a counselor taken off the team is dated out (removed_at), never deleted, and
 * from then on no longer sees the case.
 */
@Service
public class CaseTeam {

  /** More co-counselors than this is no longer a team but a crowd in the counseling room. */
  static final int CO_COUNSELORS_MAX = 3;

  private final CaseAccess access;
  private final CaseworkPolicy policy;
  private final CaseFile cases;
  private final TeamProposals proposals;
  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final Clock clock;
  private final PeopleNames names;

  CaseTeam(
      PeopleNames names,
      CaseAccess access,
      CaseworkPolicy policy,
      CaseFile cases,
      TeamProposals proposals,
      JdbcClient jdbc,
      AuditTrail audit,
      Clock clock) {
    this.names = names;
    this.access = access;
    this.policy = policy;
    this.cases = cases;
    this.proposals = proposals;
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
  }

  /** The current team, lead first: whoever sees the case sees who counsels it. */
  @Transactional(readOnly = true)
  public List<TeamMemberView> current(CaseId id, Actor actor) {
    CaseRef ref = access.find(id.value(), actor);
    return current(ref.id());
  }

  List<TeamMemberView> current(UUID caseId) {
    return jdbc.sql(
            """
            select volunteer_id, user_id, name, lead, assigned_by, assigned_at
              from casework.team_member where case_id = :id and removed_at is null
             order by lead desc, assigned_at, name""")
        .param("id", caseId)
        .query(
            (rs, n) ->
                new TeamMemberView(
                    rs.getObject("volunteer_id", UUID.class),
                    rs.getObject("user_id", UUID.class),
                    rs.getString("name"),
                    rs.getBoolean("lead"),
                    names.display(rs.getString("assigned_by")),
                    rs.getTimestamp("assigned_at").toInstant()))
        .list();
  }

  /**
   * Sets the team: those who stay in their role keep their row; those removed or changing role are
   * dated out, and the new rows added, in one transaction. Refused for a closed case, without a
   * lead, or for anyone not an active counselor of the case's county with a certificate in force.
   */
  @Transactional
  public List<TeamMemberView> assign(CaseId id, AssignTeam command, Actor actor) {
    CaseRef ref = access.find(id.value(), actor, true);
    policy.requireManages(ref);
    CounselingCase caze = cases.load(ref.id());
    if (ref.closed()) {
      throw DomainException.of(null, "case.closed");
    }
    Map<UUID, CounselorCandidate> pool = new LinkedHashMap<>();
    proposals.candidates(caze).forEach(c -> pool.put(c.id().value(), c));
    List<FieldProblem> problems = new ArrayList<>();
    if (command.lead() == null) {
      problems.add(new FieldProblem("lead", "team.lead.required", new Object[0]));
    } else {
      check("lead", command.lead(), pool, problems);
    }
    if (command.coCounselors().size() > CO_COUNSELORS_MAX) {
      problems.add(
          new FieldProblem("coCounselors", "team.co.tooMany", new Object[] {CO_COUNSELORS_MAX}));
    }
    for (UUID co : command.coCounselors()) {
      if (co.equals(command.lead())) {
        problems.add(new FieldProblem("coCounselors", "team.co.isLead", new Object[0]));
      } else {
        check("coCounselors", co, pool, problems);
      }
    }
    if (!problems.isEmpty()) {
      throw new DomainException(problems.stream().distinct().toList());
    }
    Map<UUID, Boolean> wanted = new LinkedHashMap<>();
    wanted.put(command.lead(), true);
    command.coCounselors().forEach(co -> wanted.put(co, false));
    Timestamp now = Timestamp.from(clock.instant());
    List<TeamMemberView> before = current(ref.id());
    boolean changed = false;
    for (TeamMemberView m : before) {
      if (!Objects.equals(wanted.get(m.volunteerId()), m.lead())) {
        jdbc.sql(
                """
                update casework.team_member set removed_at = :now
                 where case_id = :case and volunteer_id = :v and removed_at is null""")
            .param("now", now)
            .param("case", ref.id())
            .param("v", m.volunteerId())
            .update();
        changed = true;
      } else {
        wanted.remove(m.volunteerId());
      }
    }
    for (Map.Entry<UUID, Boolean> w : wanted.entrySet()) {
      CounselorCandidate c = pool.get(w.getKey());
      jdbc.sql(
              """
              insert into casework.team_member
                (id, case_id, volunteer_id, user_id, name, lead, assigned_by, assigned_at)
              values (:id, :case, :v, :user, :name, :lead, :by, :now)""")
          .param("id", UUID.randomUUID())
          .param("case", ref.id())
          .param("v", c.id().value())
          .param("user", c.userId())
          .param("name", c.name())
          .param("lead", w.getValue())
          .param("by", actor.username())
          .param("now", now)
          .update();
      changed = true;
    }
    if (changed) {
      audit.recordWrite("case.team", "case", ref.id().toString());
    }
    return current(ref.id());
  }

  private static void check(
      String field, UUID volunteer, Map<UUID, CounselorCandidate> pool, List<FieldProblem> out) {
    CounselorCandidate c = pool.get(volunteer);
    if (c == null) {
      out.add(new FieldProblem(field, "team.member.notCandidate", new Object[0]));
    } else if (c.qualificationExpired()) {
      out.add(new FieldProblem(field, "team.member.qualificationExpired", new Object[] {c.name()}));
    }
  }
}
