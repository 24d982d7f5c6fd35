package org.huhang.casework.internal;

import org.huhang.volunteer.VolunteerNameChanged;
import org.huhang.volunteer.VolunteerRef;
import org.huhang.volunteer.Volunteers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A case's team keeps each counselor's name as it was when assigned; a name corrected or erased on
 * the volunteer's request replaces it everywhere, so that an erased name stays in no team list.
 * Heard again (after a crash), it writes the same name again.
 */
@Component
class TeamNames {

  private final Volunteers volunteers;
  private final JdbcClient jdbc;

  TeamNames(Volunteers volunteers, JdbcClient jdbc) {
    this.volunteers = volunteers;
    this.jdbc = jdbc;
  }

  @ApplicationModuleListener
  public void on(VolunteerNameChanged changed) {
    volunteers
        .ref(changed.volunteerId())
        .map(VolunteerRef::name)
        .ifPresent(
            name ->
                jdbc.sql("update casework.team_member set name = :name where volunteer_id = :id")
                    .param("name", name)
                    .param("id", changed.volunteerId().value())
                    .update());
  }
}
