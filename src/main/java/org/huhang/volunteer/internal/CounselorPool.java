package org.huhang.volunteer.internal;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.huhang.center.Centers;
import org.huhang.shared.DataScope;
import org.huhang.volunteer.Background;
import org.huhang.volunteer.CounselorCandidate;
import org.huhang.volunteer.HalfDay;
import org.huhang.volunteer.VolunteerId;
import org.huhang.volunteer.VolunteerSummary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The volunteers who can counsel: active, linked to a user account, in a region's subtree. A
 * certificate has run out when the latest of its type expired before the day asked about (a renewed
 * one of the same type keeps the volunteer in).
 */
@Service
public class CounselorPool {

  private final JdbcClient jdbc;
  private final Centers centers;
  private final VolunteerRepository repository;
  private final VolunteerViews views;

  CounselorPool(
      JdbcClient jdbc, Centers centers, VolunteerRepository repository, VolunteerViews views) {
    this.jdbc = jdbc;
    this.centers = centers;
    this.repository = repository;
    this.views = views;
  }

  @Transactional(readOnly = true)
  public List<CounselorCandidate> candidates(String regionPath, LocalDate on) {
    // Validates the path's shape; it is bound, never spliced.
    String pattern = new DataScope(regionPath).likePattern();
    Map<UUID, String> centerNames = new HashMap<>();
    centers.all().forEach(c -> centerNames.put(c.id().value(), c.name()));
    return jdbc.sql(
            """
            select v.id, v.user_id, v.name, v.background, v.specialities, v.availability,
                   v.center_id, v.region_path,
                   exists (select 1 from volunteer.qualification q where q.volunteer_id = v.id
                            group by q.type
                           having bool_and(q.expires_on is not null) and max(q.expires_on) < :on)
                     as expired
              from volunteer.volunteer v
             where v.region_path like :scope and v.status = 'ACTIVE' and v.user_id is not null
             order by v.sort_key, v.id""")
        .param("scope", pattern)
        .param("on", on)
        .query(
            (rs, n) -> {
              UUID center = rs.getObject("center_id", UUID.class);
              return new CounselorCandidate(
                  new VolunteerId(rs.getObject("id", UUID.class)),
                  rs.getObject("user_id", UUID.class),
                  rs.getString("name"),
                  Background.valueOf(rs.getString("background")),
                  Arrays.asList((String[]) rs.getArray("specialities").getArray()),
                  HalfDay.fromBits(rs.getInt("availability")),
                  center,
                  centerNames.getOrDefault(center, ""),
                  rs.getString("region_path"),
                  rs.getBoolean("expired"));
            })
        .list();
  }

  @Transactional(readOnly = true)
  public Optional<VolunteerSummary> forUser(UUID userId) {
    if (userId == null) {
      return Optional.empty();
    }
    return jdbc.sql("select id from volunteer.volunteer where user_id = :u")
        .param("u", userId)
        .query(UUID.class)
        .optional()
        .flatMap(repository::findById)
        .map(views::summary);
  }

  /**
   * When the active volunteers whose home is this center can serve, one set of half-days each: what
   * a center can offer families who book (no name, no number).
   */
  @Transactional(readOnly = true)
  public java.util.List<java.util.Set<org.huhang.volunteer.HalfDay>> availabilityAt(UUID centerId) {
    return jdbc.sql(
            """
            select availability from volunteer.volunteer
             where center_id = :center and status = 'ACTIVE' and availability <> 0""")
        .param("center", centerId)
        .query((rs, n) -> org.huhang.volunteer.HalfDay.fromBits(rs.getInt(1)))
        .list();
  }
}
