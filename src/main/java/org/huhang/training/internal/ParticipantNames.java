package org.huhang.training.internal;

import org.huhang.volunteer.VolunteerNameChanged;
import org.huhang.volunteer.VolunteerRef;
import org.huhang.volunteer.Volunteers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A course keeps each participant's name as it was when enrolled; a name corrected or erased on the
 * volunteer's request replaces it in every course, so that an erased name stays in no list or
 * certificate. Heard again (after a crash), it writes the same name again.
 */
@Component
class ParticipantNames {

  private final Volunteers volunteers;
  private final JdbcClient jdbc;

  ParticipantNames(Volunteers volunteers, JdbcClient jdbc) {
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
                jdbc.sql("update training.participant set name = :name where volunteer_id = :id")
                    .param("name", name)
                    .param("id", changed.volunteerId().value())
                    .update());
  }
}
