package org.huhang.outreach.internal;

import org.huhang.center.CenterId;
import org.huhang.center.CenterUsage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells the center module how many events it organised and projects it runs: a center with an
 * outreach record is closed, not deleted, so that the record keeps its organiser.
 */
@Component
class OutreachAtCenters implements CenterUsage {

  private final JdbcClient jdbc;

  OutreachAtCenters(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public long countAt(CenterId centerId) {
    return jdbc.sql(
            """
            select (select count(*) from outreach.outreach_event where center_id = :c)
                 + (select count(*) from outreach.service_project where center_id = :c)""")
        .param("c", centerId.value())
        .query(Long.class)
        .single();
  }
}
