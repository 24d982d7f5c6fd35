package org.huhang.casework.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.huhang.casework.Attendees;
import org.huhang.casework.SessionChannel;
import org.huhang.center.CenterStatus;
import org.huhang.center.CenterView;
import org.huhang.center.Centers;
import org.huhang.shared.Actor;
import org.huhang.shared.LegalTime;
import org.huhang.shared.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The session calendar: a counselor's own sessions, a center manager's centers' (optionally one
 * counselor's), an administrator's region's, by day or week in China's time. It shows when, where
 * and who, never what was said. Also the home page's lists of tomorrow's and this week's sessions.
 */
@Service
public class SessionCalendar {

  /** One session on the calendar. */
  public record Entry(
      UUID sessionId,
      UUID caseId,
      Instant scheduledAt,
      int durationMinutes,
      SessionChannel channel,
      String place,
      Attendees attendees,
      String status,
      String couple,
      List<String> counselorNames) {

    public LocalDateTime start() {
      return LocalDateTime.ofInstant(scheduledAt, LegalTime.ZONE);
    }

    public LocalDate day() {
      return start().toLocalDate();
    }

    public String href() {
      return "/cases/" + caseId + "/sessions/" + sessionId;
    }
  }

  /** Someone the calendar can be narrowed to. */
  public record Counselor(UUID userId, String name) {}

  /** What the calendar shows: the days, their sessions, and the filters the actor may use. */
  public record Query(boolean week, LocalDate date, UUID counselor, UUID center) {

    public LocalDate first() {
      return week ? date.with(DayOfWeek.MONDAY) : date;
    }

    public LocalDate last() {
      return week ? first().plusDays(6) : date;
    }
  }

  private final JdbcClient jdbc;
  private final CaseworkPolicy policy;
  private final CaseAccess access;
  private final Centers centers;
  private final Clock clock;

  SessionCalendar(
      JdbcClient jdbc, CaseworkPolicy policy, CaseAccess access, Centers centers, Clock clock) {
    this.jdbc = jdbc;
    this.policy = policy;
    this.access = access;
    this.centers = centers;
    this.clock = clock;
  }

  public LocalDate today() {
    return LocalDate.now(clock.withZone(LegalTime.ZONE));
  }

  /** The sessions from the first day of the query through its last, in time order. */
  @Transactional(readOnly = true)
  public List<Entry> sessions(Query query, Actor actor) {
    policy.requireCaseRole(actor);
    return between(
        query.first(), query.last().plusDays(1), query.counselor(), query.center(), actor, false);
  }

  /** Tomorrow's sessions still planned (home page). */
  @Transactional(readOnly = true)
  public List<Entry> tomorrow(Actor actor) {
    LocalDate tomorrow = today().plusDays(1);
    return between(tomorrow, tomorrow.plusDays(1), null, null, actor, true);
  }

  /** The sessions still planned from now to the end of this week (home page). */
  @Transactional(readOnly = true)
  public List<Entry> restOfWeek(Actor actor) {
    LocalDate monday = today().with(DayOfWeek.MONDAY);
    return between(monday, monday.plusDays(7), null, null, actor, true).stream()
        .filter(e -> !e.scheduledAt().isBefore(clock.instant()))
        .toList();
  }

  /** The counselors a manager's calendar may be narrowed to: its centers' current teams. */
  @Transactional(readOnly = true)
  public List<Counselor> counselors(Actor actor) {
    if (actor.is(Role.COUNSELOR) || !policy.maySeeCases(actor)) {
      return List.of();
    }
    return jdbc
        .sql(
            """
            select distinct on (t.user_id) t.user_id, t.name
              from casework.team_member t join casework.counseling_case c on c.id = t.case_id
             where t.removed_at is null and\s"""
                + CaseAccess.visibleCondition(actor)
                + " order by t.user_id, t.assigned_at desc")
        .param("scope", actor.scope().likePattern())
        .param("user", actor.userId())
        .param("managed", access.managedCenters(actor))
        .query((rs, n) -> new Counselor(rs.getObject("user_id", UUID.class), rs.getString("name")))
        .list()
        .stream()
        .sorted(Comparator.comparing(Counselor::name))
        .toList();
  }

  /** The centers the calendar may be narrowed to: a manager's own, an administrator's region's. */
  @Transactional(readOnly = true)
  public List<CenterView> centers(Actor actor) {
    if (actor.is(Role.COUNSELOR) || !policy.maySeeCases(actor)) {
      return List.of();
    }
    List<UUID> managed = Arrays.asList(access.managedCenters(actor));
    return centers.all().stream()
        .filter(c -> c.status() == CenterStatus.OPEN)
        .filter(c -> actor.scope().covers(c.regionPath()))
        .filter(c -> !actor.is(Role.CENTER_MANAGER) || managed.contains(c.id().value()))
        .sorted(Comparator.comparing(CenterView::regionPath).thenComparing(CenterView::name))
        .toList();
  }

  private List<Entry> between(
      LocalDate from, LocalDate to, UUID counselor, UUID center, Actor actor, boolean plannedOnly) {
    if (!policy.maySeeCases(actor)) {
      return List.of();
    }
    // A counselor's calendar holds the sessions it holds, on cases it is still on.
    String mine = actor.is(Role.COUNSELOR) ? " and :user = any(s.counselors)" : "";
    return jdbc.sql(
            """
            select s.id, s.case_id, s.scheduled_at, s.duration_minutes, s.channel, s.place,
                   s.attendees, s.status,
                   (select string_agg(p.name, ' · ' order by p.role) from casework.case_party p
                     where p.case_id = c.id) as couple,
                   array(select min(t.name) from casework.team_member t
                          where t.case_id = s.case_id and t.user_id = any(s.counselors)
                          group by t.user_id order by min(t.name)) as counselor_names
              from casework.session s join casework.counseling_case c on c.id = s.case_id
             where s.scheduled_at >= :from and s.scheduled_at < :to and\s"""
                + CaseAccess.visibleCondition(actor)
                + mine
                + (counselor != null ? " and :counselor = any(s.counselors)" : "")
                + (center != null ? " and c.center_id = :center" : "")
                + (plannedOnly ? " and s.status = 'SCHEDULED'" : "")
                + " order by s.scheduled_at, s.id limit 500")
        .param("from", Timestamp.from(from.atStartOfDay(LegalTime.ZONE).toInstant()))
        .param("to", Timestamp.from(to.atStartOfDay(LegalTime.ZONE).toInstant()))
        .param("scope", actor.scope().likePattern())
        .param("user", actor.userId())
        .param("managed", access.managedCenters(actor))
        .param("counselor", counselor)
        .param("center", center)
        .query(
            (rs, n) ->
                new Entry(
                    rs.getObject("id", UUID.class),
                    rs.getObject("case_id", UUID.class),
                    rs.getTimestamp("scheduled_at").toInstant(),
                    rs.getInt("duration_minutes"),
                    SessionChannel.valueOf(rs.getString("channel")),
                    rs.getString("place"),
                    Attendees.valueOf(rs.getString("attendees")),
                    rs.getString("status"),
                    rs.getString("couple"),
                    List.of((String[]) rs.getArray("counselor_names").getArray())))
        .list();
  }
}
