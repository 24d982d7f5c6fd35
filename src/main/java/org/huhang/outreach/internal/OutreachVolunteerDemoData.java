package org.huhang.outreach.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.huhang.shared.DemoMode;
import org.huhang.volunteer.CounselorCandidate;
import org.huhang.volunteer.VolunteerId;
import org.huhang.volunteer.VolunteerRef;
import org.huhang.volunteer.Volunteers;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo counselors of 无棣县, 博兴县 and 邹平市 spoke at the latest premarital sessions of their county,
 * and 邹平市's 为爱护航 遇见幸福 project lists its volunteers, the 邹平 counselor among them: so that a
 * counselor's growth page shows events and honours. Only when no link of the kind exists yet.
 */
@Component
@Order(62)
class OutreachVolunteerDemoData implements ApplicationRunner {

  static final List<String> COUNSELOR_COUNTIES = List.of("371623", "371625", "371681");
  static final String PROJECT = "为爱护航 遇见幸福";
  static final int EVENTS_EACH = 3;
  static final int OTHER_MEMBERS = 3;

  private final JdbcClient jdbc;
  private final Volunteers volunteers;
  private final DemoMode demo;
  private final Clock clock;

  OutreachVolunteerDemoData(JdbcClient jdbc, Volunteers volunteers, DemoMode demo, Clock clock) {
    this.jdbc = jdbc;
    this.volunteers = volunteers;
    this.demo = demo;
    this.clock = clock;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    link();
  }

  /**
   * Links the speakers when no event has one yet and the project's members when no project has any:
   * at start-up, and again after the history's events came in (the demo leaves the period to the
   * history, so at start-up there may be no premarital session to link yet).
   */
  @Transactional
  void link() {
    if (!demo.enabled()) {
      return;
    }
    Timestamp now = Timestamp.from(clock.instant());
    LocalDate today = LocalDate.now(clock);
    if (count("outreach.event_speaker") == 0) {
      speakers(today, now);
    }
    if (count("outreach.project_member") == 0) {
      jdbc.sql("select id, region_path from outreach.service_project where name = :n")
          .param("n", PROJECT)
          .query((rs, n) -> List.of(rs.getString(1), rs.getString(2)))
          .optional()
          .ifPresent(p -> members(UUID.fromString(p.get(0)), p.get(1), today, now));
    }
  }

  private void speakers(LocalDate today, Timestamp now) {
    for (String county : COUNSELOR_COUNTIES) {
      List<UUID> events =
          jdbc.sql(
                  "select id from outreach.outreach_event where region_code = :c"
                      + " and type = 'PREMARITAL_EDUCATION' order by held_on desc, id limit :n")
              .param("c", county)
              .param("n", EVENTS_EACH)
              .query(UUID.class)
              .list();
      if (events.isEmpty()) {
        continue;
      }
      String path =
          jdbc.sql("select region_path from outreach.outreach_event where id = :id")
              .param("id", events.get(0))
              .query(String.class)
              .single();
      for (CounselorCandidate c : volunteers.counselorCandidates(path, today)) {
        for (UUID event : events) {
          jdbc.sql(
                  "insert into outreach.event_speaker (event_id, volunteer_id, added_at)"
                      + " values (:e, :v, :at) on conflict do nothing")
              .param("e", event)
              .param("v", c.id().value())
              .param("at", now)
              .update();
        }
      }
    }
  }

  private void members(UUID project, String path, LocalDate today, Timestamp now) {
    Set<VolunteerId> members = new LinkedHashSet<>();
    volunteers.counselorCandidates(path, today).forEach(c -> members.add(c.id()));
    List<VolunteerRef> others = new ArrayList<>(volunteers.activeIn(path));
    others.stream().limit(OTHER_MEMBERS).forEach(r -> members.add(r.id()));
    for (VolunteerId v : members) {
      jdbc.sql(
              "insert into outreach.project_member (project_id, volunteer_id, added_at, joined_on)"
                  + " select :p, :v, :at, started_on from outreach.service_project where id = :p"
                  + " on conflict do nothing")
          .param("p", project)
          .param("v", v.value())
          .param("at", now)
          .update();
    }
  }

  private long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }
}
