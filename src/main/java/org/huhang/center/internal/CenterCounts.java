package org.huhang.center.internal;

import java.util.List;
import org.huhang.center.CenterCount;
import org.huhang.center.CenterKind;
import org.huhang.shared.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The open centers and rooms of a region's subtree, counted by region path and kind. */
@Repository
public class CenterCounts {

  private final JdbcClient jdbc;

  CenterCounts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<CenterCount> open(DataScope scope) {
    return jdbc.sql(
            """
            select region_path, kind, count(*) as open from center.center
             where status = 'OPEN' and region_path like :scope
             group by region_path, kind""")
        .param("scope", scope.likePattern())
        .query(
            (rs, n) ->
                new CenterCount(
                    rs.getString("region_path"),
                    CenterKind.valueOf(rs.getString("kind")),
                    rs.getLong("open")))
        .list();
  }
}
