package org.huhang.volunteer.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.huhang.audit.AuditTrail;
import org.huhang.center.Centers;
import org.huhang.shared.Actor;
import org.huhang.shared.NotFoundException;
import org.huhang.volunteer.ExpiringCertificate;
import org.huhang.volunteer.HalfDay;
import org.huhang.volunteer.VolunteerDetail;
import org.huhang.volunteer.VolunteerId;
import org.huhang.volunteer.VolunteerYear;
import org.huhang.volunteer.YearHours;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the growth pages read of volunteers: a volunteer's own record (found by its account), its
 * hours year by year, the year's hours of the volunteers in a manager's care, the certificates
 * running out; and the one change a volunteer makes itself, its availability.
 */
@Service
public class VolunteerGrowthRecords {

  /** The overview lists at most this many volunteers; a center has far fewer. */
  static final int OVERVIEW_LIMIT = 500;

  private final JdbcClient jdbc;
  private final VolunteerRepository repository;
  private final VolunteerQueries queries;
  private final VolunteerPolicy policy;
  private final VolunteerViews views;
  private final Centers centers;
  private final AuditTrail audit;
  private final Clock clock;

  VolunteerGrowthRecords(
      JdbcClient jdbc,
      VolunteerRepository repository,
      VolunteerQueries queries,
      VolunteerPolicy policy,
      VolunteerViews views,
      Centers centers,
      AuditTrail audit,
      Clock clock) {
    this.jdbc = jdbc;
    this.repository = repository;
    this.queries = queries;
    this.policy = policy;
    this.views = views;
    this.centers = centers;
    this.audit = audit;
    this.clock = clock;
  }

  public boolean mayManage(Actor actor) {
    return policy.mayManage(actor);
  }

  /** The volunteer linked to the actor's account, whatever the actor's role. */
  @Transactional(readOnly = true)
  public Optional<VolunteerDetail> own(Actor actor) {
    return ownVolunteer(actor).map(views::detail);
  }

  /** Changes only the availability of the actor's own volunteer; none linked answers 404. */
  @Transactional
  public VolunteerDetail changeOwnAvailability(Set<HalfDay> availability, Actor actor) {
    Volunteer volunteer =
        ownVolunteer(actor).orElseThrow(() -> new NotFoundException("own volunteer"));
    volunteer.changeAvailability(availability, clock.instant());
    repository.save(volunteer);
    audit.recordWrite(
        "volunteer.availability.own", "volunteer", volunteer.volunteerId().toString());
    return views.detail(volunteer);
  }

  private Optional<Volunteer> ownVolunteer(Actor actor) {
    if (actor.userId() == null) {
      return Optional.empty();
    }
    return queries.linkedTo(actor.userId()).flatMap(repository::findById);
  }

  /**
   * Service and training hours by calendar year, newest first. The caller has read the volunteer
   * (its own, or one in the actor's scope) before asking.
   */
  @Transactional(readOnly = true)
  public List<YearHours> hoursByYear(VolunteerId id) {
    Map<Integer, BigDecimal[]> years = new TreeMap<>(java.util.Comparator.reverseOrder());
    jdbc.sql(
            "select extract(year from worked_on)::int, kind, sum(hours) from volunteer.hours"
                + " where volunteer_id = :v group by 1, 2")
        .param("v", id.value())
        .query(
            (rs, n) -> {
              BigDecimal[] pair =
                  years.computeIfAbsent(
                      rs.getInt(1), y -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
              pair["SERVICE".equals(rs.getString(2)) ? 0 : 1] = rs.getBigDecimal(3);
              return null;
            })
        .list();
    return years.entrySet().stream()
        .map(e -> new YearHours(e.getKey(), e.getValue()[0], e.getValue()[1]))
        .toList();
  }

  /** The volunteers in the actor's care who have not left, with their hours of the year. */
  @Transactional(readOnly = true)
  public List<VolunteerYear> year(int year, Actor actor) {
    VolunteerPolicy.Scope scope = policy.scope(actor);
    if (scope.nothing()) {
      return List.of();
    }
    Map<UUID, String> centerNames = new HashMap<>();
    centers.choices(actor).forEach(c -> centerNames.put(c.id().value(), c.name()));
    String sql =
        """
        select v.id, v.name, v.center_id,
               coalesce(sum(h.hours) filter (where h.kind = 'SERVICE'), 0) as service,
               coalesce(sum(h.hours) filter (where h.kind = 'TRAINING'), 0) as training
          from volunteer.volunteer v
          left join volunteer.hours h on h.volunteer_id = v.id
               and h.worked_on between :from and :until
         where v.region_path like :scope and v.status <> 'LEFT'"""
            + (scope.everyCenter() ? "" : " and v.center_id in (:centers)")
            + " group by v.id, v.name, v.center_id, v.sort_key order by v.sort_key, v.id limit :limit";
    JdbcClient.StatementSpec spec =
        jdbc.sql(sql)
            .param("scope", scope.regionPattern())
            .param("from", LocalDate.of(year, 1, 1))
            .param("until", LocalDate.of(year, 12, 31))
            .param("limit", OVERVIEW_LIMIT);
    if (!scope.everyCenter()) {
      spec = spec.param("centers", scope.onlyCenters());
    }
    return spec.query(
            (rs, n) ->
                new VolunteerYear(
                    new VolunteerId(rs.getObject("id", UUID.class)),
                    rs.getString("name"),
                    centerNames.getOrDefault(rs.getObject("center_id", UUID.class), ""),
                    rs.getBigDecimal("service"),
                    rs.getBigDecimal("training")))
        .list();
  }

  /**
   * The certificates of volunteers in the actor's care that have run out or run out within {@code
   * days}: per volunteer and type the latest, so a renewed certificate is not listed.
   */
  @Transactional(readOnly = true)
  public List<ExpiringCertificate> runningOut(int days, Actor actor) {
    VolunteerPolicy.Scope scope = policy.scope(actor);
    if (scope.nothing()) {
      return List.of();
    }
    String sql =
        """
        select v.id, v.name, q.type, max(q.expires_on) as expires_on
          from volunteer.qualification q
          join volunteer.volunteer v on v.id = q.volunteer_id
         where v.region_path like :scope and v.status <> 'LEFT'"""
            + (scope.everyCenter() ? "" : " and v.center_id in (:centers)")
            + " group by v.id, v.name, v.sort_key, q.type"
            + " having bool_and(q.expires_on is not null) and max(q.expires_on) <= :until"
            + " order by max(q.expires_on), v.sort_key limit 200";
    JdbcClient.StatementSpec spec =
        jdbc.sql(sql)
            .param("scope", scope.regionPattern())
            .param("until", LocalDate.now(clock).plusDays(days));
    if (!scope.everyCenter()) {
      spec = spec.param("centers", scope.onlyCenters());
    }
    return spec.query(
            (rs, n) ->
                new ExpiringCertificate(
                    new VolunteerId(rs.getObject(1, UUID.class)),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getObject(4, LocalDate.class)))
        .list();
  }
}
