package org.huhang.outreach.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.huhang.audit.AuditTrail;
import org.huhang.outreach.HonourLevel;
import org.huhang.outreach.OutreachEventId;
import org.huhang.outreach.OutreachEventView;
import org.huhang.outreach.OutreachType;
import org.huhang.outreach.ServedProject;
import org.huhang.outreach.ServiceProjectId;
import org.huhang.outreach.ServiceProjectView;
import org.huhang.outreach.SpokenEvent;
import org.huhang.outreach.VolunteerHonour;
import org.huhang.shared.Actor;
import org.huhang.shared.DomainException;
import org.huhang.volunteer.VolunteerId;
import org.huhang.volunteer.VolunteerRef;
import org.huhang.volunteer.Volunteers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Volunteers linked to outreach: an event's speakers, a project's members. Reading follows the
 * event or project (404 outside the scope, 403 for registrars); adding and removing is for those
 * who edit it, and only an active volunteer of the event's or project's region may be added.
 */
@Service
public class VolunteerLinks {

  private final JdbcClient jdbc;
  private final OutreachCatalog events;
  private final OutreachRegistry registry;
  private final ProjectBook projects;
  private final OutreachPolicy policy;
  private final Volunteers volunteers;
  private final AuditTrail audit;
  private final Clock clock;

  VolunteerLinks(
      JdbcClient jdbc,
      OutreachCatalog events,
      OutreachRegistry registry,
      ProjectBook projects,
      OutreachPolicy policy,
      Volunteers volunteers,
      AuditTrail audit,
      Clock clock) {
    this.jdbc = jdbc;
    this.events = events;
    this.registry = registry;
    this.projects = projects;
    this.policy = policy;
    this.volunteers = volunteers;
    this.audit = audit;
    this.clock = clock;
  }

  public boolean mayEditAt(String regionPath, Actor actor) {
    return policy.mayWriteAt(actor, regionPath);
  }

  @Transactional(readOnly = true)
  public List<VolunteerRef> speakers(OutreachEventId event, Actor actor) {
    events.get(event.value(), actor);
    return refs(
        "select volunteer_id from outreach.event_speaker where event_id = :id order by added_at",
        event.value());
  }

  @Transactional(readOnly = true)
  public List<VolunteerRef> speakerChoices(OutreachEventId event, Actor actor) {
    registry.requireEditor(event, actor);
    OutreachEventView view = events.get(event.value(), actor);
    return choices(view.regionPath(), speakers(event, actor));
  }

  @Transactional
  public void addSpeaker(OutreachEventId event, VolunteerId volunteer, Actor actor) {
    registry.requireEditor(event, actor);
    OutreachEventView view = events.get(event.value(), actor);
    requireServesIn(volunteer, view.regionPath());
    jdbc.sql(
            "insert into outreach.event_speaker (event_id, volunteer_id, added_at)"
                + " values (:e, :v, :at) on conflict do nothing")
        .param("e", event.value())
        .param("v", volunteer.value())
        .param("at", java.sql.Timestamp.from(clock.instant()))
        .update();
    audit.recordWrite("outreach.speaker.add", "outreach_event", event.toString());
  }

  @Transactional
  public void removeSpeaker(OutreachEventId event, VolunteerId volunteer, Actor actor) {
    registry.requireEditor(event, actor);
    jdbc.sql("delete from outreach.event_speaker where event_id = :e and volunteer_id = :v")
        .param("e", event.value())
        .param("v", volunteer.value())
        .update();
    audit.recordWrite("outreach.speaker.remove", "outreach_event", event.toString());
  }

  @Transactional(readOnly = true)
  public List<VolunteerRef> members(ServiceProjectId project, Actor actor) {
    projects.get(project, actor);
    return refs(
        "select volunteer_id from outreach.project_member where project_id = :id order by added_at",
        project.value());
  }

  @Transactional(readOnly = true)
  public List<VolunteerRef> memberChoices(ServiceProjectId project, Actor actor) {
    projects.requireEditor(project, actor);
    ServiceProjectView view = projects.get(project, actor);
    return choices(view.regionPath(), members(project, actor));
  }

  /**
   * Adds a volunteer to a project from the day it joined: not before the project started, not after
   * it ended, not in the future. The project's honours awarded from that day on are its honours
   * too.
   */
  @Transactional
  public void addMember(
      ServiceProjectId project, VolunteerId volunteer, LocalDate joinedOn, Actor actor) {
    projects.requireEditor(project, actor);
    ServiceProjectView view = projects.get(project, actor);
    requireServesIn(volunteer, view.regionPath());
    LocalDate today = LocalDate.now(clock);
    if (joinedOn == null) {
      throw DomainException.of("joinedOn", "project.member.joinedOn.required");
    }
    if (joinedOn.isAfter(today)) {
      throw DomainException.of("joinedOn", "project.member.joinedOn.future");
    }
    if (joinedOn.isBefore(view.startedOn())
        || (view.endedOn() != null && joinedOn.isAfter(view.endedOn()))) {
      throw DomainException.of(
          "joinedOn",
          "project.member.joinedOn.outside",
          view.startedOn().toString(),
          view.endedOn() == null ? today.toString() : view.endedOn().toString());
    }
    jdbc.sql(
            "insert into outreach.project_member (project_id, volunteer_id, added_at, joined_on)"
                + " values (:p, :v, :at, :joined) on conflict do nothing")
        .param("p", project.value())
        .param("v", volunteer.value())
        .param("at", java.sql.Timestamp.from(clock.instant()))
        .param("joined", joinedOn)
        .update();
    audit.recordWrite("project.member.add", "service_project", project.toString());
  }

  @Transactional
  public void removeMember(ServiceProjectId project, VolunteerId volunteer, Actor actor) {
    projects.requireEditor(project, actor);
    jdbc.sql("delete from outreach.project_member where project_id = :p and volunteer_id = :v")
        .param("p", project.value())
        .param("v", volunteer.value())
        .update();
    audit.recordWrite("project.member.remove", "service_project", project.toString());
  }

  @Transactional(readOnly = true)
  public List<SpokenEvent> eventsSpokenBy(VolunteerId volunteer, Actor actor) {
    return jdbc.sql(
            """
            select e.id, e.title, e.held_on, e.type,
                   (:reads and e.region_path like :scope) as readable
              from outreach.event_speaker s
              join outreach.outreach_event e on e.id = s.event_id
             where s.volunteer_id = :v
             order by e.held_on desc, e.starts_at desc, e.id limit 200""")
        .param("v", volunteer.value())
        .param("reads", policy.mayRead(actor))
        .param("scope", actor.scope().likePattern())
        .query(
            (rs, n) ->
                new SpokenEvent(
                    new OutreachEventId(rs.getObject("id", UUID.class)),
                    rs.getString("title"),
                    rs.getObject("held_on", LocalDate.class),
                    OutreachType.valueOf(rs.getString("type")),
                    rs.getBoolean("readable")))
        .list();
  }

  @Transactional(readOnly = true)
  public List<ServedProject> projectsOf(VolunteerId volunteer, Actor actor) {
    return jdbc.sql(
            """
            select p.id, p.name, p.started_on, p.ended_on,
                   (:reads and p.region_path like :scope) as readable
              from outreach.project_member m
              join outreach.service_project p on p.id = m.project_id
             where m.volunteer_id = :v
             order by p.started_on desc, p.id""")
        .param("v", volunteer.value())
        .param("reads", policy.mayRead(actor))
        .param("scope", actor.scope().likePattern())
        .query(
            (rs, n) ->
                new ServedProject(
                    new ServiceProjectId(rs.getObject("id", UUID.class)),
                    rs.getString("name"),
                    rs.getObject("started_on", LocalDate.class),
                    rs.getObject("ended_on", LocalDate.class),
                    rs.getBoolean("readable")))
        .list();
  }

  @Transactional(readOnly = true)
  public List<VolunteerHonour> honoursOf(VolunteerId volunteer, Actor actor) {
    return jdbc.sql(
            """
            select p.id, p.name, h.award, h.level, h.awarded_on,
                   (:reads and p.region_path like :scope) as readable
              from outreach.project_member m
              join outreach.service_project p on p.id = m.project_id
              join outreach.project_honour h on h.project_id = p.id
             where m.volunteer_id = :v and h.awarded_on >= m.joined_on
             order by h.awarded_on desc, p.name, h.sort_order""")
        .param("v", volunteer.value())
        .param("reads", policy.mayRead(actor))
        .param("scope", actor.scope().likePattern())
        .query(
            (rs, n) ->
                new VolunteerHonour(
                    new ServiceProjectId(rs.getObject("id", UUID.class)),
                    rs.getString("name"),
                    rs.getString("award"),
                    HonourLevel.valueOf(rs.getString("level")),
                    rs.getObject("awarded_on", LocalDate.class),
                    rs.getBoolean("readable")))
        .list();
  }

  private List<VolunteerRef> refs(String sql, UUID id) {
    return jdbc.sql(sql).param("id", id).query(UUID.class).list().stream()
        .flatMap(v -> volunteers.ref(new VolunteerId(v)).stream())
        .toList();
  }

  private List<VolunteerRef> choices(String regionPath, List<VolunteerRef> present) {
    Set<VolunteerId> taken = new HashSet<>();
    present.forEach(r -> taken.add(r.id()));
    return volunteers.activeIn(regionPath).stream().filter(r -> !taken.contains(r.id())).toList();
  }

  /** Only an active volunteer of the region (or below it) speaks or serves there. */
  private void requireServesIn(VolunteerId volunteer, String regionPath) {
    if (volunteer == null) {
      throw DomainException.of("volunteerId", "outreach.volunteer.required");
    }
    boolean serves =
        volunteers
            .ref(volunteer)
            .filter(VolunteerRef::active)
            .filter(r -> r.regionPath().startsWith(regionPath))
            .isPresent();
    if (!serves) {
      throw DomainException.of("volunteerId", "outreach.volunteer.notHere");
    }
  }
}
