package org.huhang.training.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.huhang.volunteer.VolunteerId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** How many courses each of some volunteers completed in a year: one query for a whole list. */
@Service
public class CompletionCounts {

  private final JdbcClient jdbc;

  CompletionCounts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional(readOnly = true)
  public Map<VolunteerId, Integer> completedIn(int year, Collection<VolunteerId> volunteers) {
    Map<VolunteerId, Integer> counts = new HashMap<>();
    if (volunteers.isEmpty()) {
      return counts;
    }
    List<UUID> ids = volunteers.stream().map(VolunteerId::value).toList();
    jdbc.sql(
            "select volunteer_id, count(*) from training.participant"
                + " where status = 'COMPLETED' and volunteer_id in (:v)"
                + " and completed_on between :from and :until group by volunteer_id")
        .param("v", ids)
        .param("from", LocalDate.of(year, 1, 1))
        .param("until", LocalDate.of(year, 12, 31))
        .query((rs, n) -> counts.put(new VolunteerId(rs.getObject(1, UUID.class)), rs.getInt(2)))
        .list();
    return counts;
  }
}
