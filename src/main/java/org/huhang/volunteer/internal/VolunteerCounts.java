package org.huhang.volunteer.internal;

import java.util.List;
import org.huhang.shared.DataScope;
import org.huhang.volunteer.Background;
import org.huhang.volunteer.VolunteerCount;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The active volunteers of a region's subtree, counted by region path and background. */
@Repository
public class VolunteerCounts {

  private final JdbcClient jdbc;

  VolunteerCounts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<VolunteerCount> active(DataScope scope) {
    return jdbc.sql(
            """
            select region_path, background, count(*) as active from volunteer.volunteer
             where status = 'ACTIVE' and region_path like :scope
             group by region_path, background""")
        .param("scope", scope.likePattern())
        .query(
            (rs, n) ->
                new VolunteerCount(
                    rs.getString("region_path"),
                    Background.valueOf(rs.getString("background")),
                    rs.getLong("active")))
        .list();
  }
}
