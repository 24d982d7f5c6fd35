package org.huhang.outreach.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.huhang.outreach.EventCount;
import org.huhang.outreach.OutreachType;
import org.huhang.shared.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The events of a region's subtree held in a period, counted by region path, month and type. */
@Repository
public class EventCounts {

  private final JdbcClient jdbc;

  EventCounts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<EventCount> held(DataScope scope, LocalDate from, LocalDate to) {
    return jdbc.sql(
            """
            select region_path, extract(year from held_on)::int as y,
                   extract(month from held_on)::int as m, type, count(*) as events
              from outreach.outreach_event
             where region_path like :scope and held_on between :from and :to
             group by region_path, y, m, type""")
        .param("scope", scope.likePattern())
        .param("from", from)
        .param("to", to)
        .query(
            (rs, n) ->
                new EventCount(
                    rs.getString("region_path"),
                    YearMonth.of(rs.getInt("y"), rs.getInt("m")),
                    OutreachType.valueOf(rs.getString("type")),
                    rs.getLong("events")))
        .list();
  }
}
