package org.huhang.volunteer;

import java.util.UUID;
import org.huhang.center.CenterUsage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Tells the center module how many volunteers a center still has. */
@Component
class VolunteersAtCenters implements CenterUsage {

  private final JdbcClient jdbc;

  VolunteersAtCenters(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public long countAt(UUID centerId) {
    return jdbc.sql("select count(*) from volunteer.volunteer where center_id = :c")
        .param("c", centerId)
        .query(Long.class)
        .single();
  }
}
