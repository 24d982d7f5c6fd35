package org.huhang.training.internal;

import java.time.LocalDate;
import java.util.List;
import org.huhang.shared.DataScope;
import org.huhang.training.CourseCount;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The courses of a region's subtree starting in a period, with their participants. */
@Repository
public class CourseCounts {

  private final JdbcClient jdbc;

  CourseCounts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<CourseCount> startingIn(DataScope scope, LocalDate from, LocalDate to) {
    return jdbc.sql(
            """
            select c.region_path, count(distinct c.id) as courses, count(p.id) as participants
              from training.course c
              left join training.participant p
                     on p.course_id = c.id and p.status in ('ENROLLED', 'COMPLETED')
             where c.region_path like :scope and c.starts_on between :from and :to
             group by c.region_path""")
        .param("scope", scope.likePattern())
        .param("from", from)
        .param("to", to)
        .query(
            (rs, n) ->
                new CourseCount(
                    rs.getString("region_path"), rs.getLong("courses"), rs.getLong("participants")))
        .list();
  }
}
