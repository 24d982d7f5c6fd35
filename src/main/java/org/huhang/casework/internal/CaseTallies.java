package org.huhang.casework.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.huhang.casework.ApplicationCounseling;
import org.huhang.casework.CaseCounts;
import org.huhang.casework.CaseStage;
import org.huhang.casework.SafetyReferralKind;
import org.huhang.registration.ApplicationId;
import org.huhang.shared.DataScope;
import org.huhang.shared.LegalTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The counts behind the figures, read in a few grouped queries. A session's day is its scheduled
 * time in China Standard Time; a case's risk column keeps the highest risk ever screened, so HIGH
 * there means "ever HIGH".
 */
@Repository
public class CaseTallies {

  private final JdbcClient jdbc;

  CaseTallies(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Beyond this many applications, the held sessions are aggregated in one pass and joined; below
   * it, each case's facts are looked up by its own id. Both answer the same; at ten times Binzhou
   * the lookups took 7 s for a city's six years (440,000) and the pass 3 s, while a day's
   * recomputation (a few hundred) costs a few index probes instead of a pass over every session.
   */
  static final int ONE_PASS_FROM = 5_000;

  public Map<ApplicationId, ApplicationCounseling> counselingOf(Collection<ApplicationId> ids) {
    Map<ApplicationId, ApplicationCounseling> found = new HashMap<>();
    if (ids.isEmpty()) {
      return found;
    }
    String sql =
        ids.size() < ONE_PASS_FROM
            ? """
              select c.application_id, c.risk = 'HIGH' as high_risk,
                     (select min((s.scheduled_at at time zone :zone)::date)
                        from casework.session s
                       where s.case_id = c.id and s.status = 'HELD') as first_held,
                     (select f.filed_again from casework.follow_up f
                       where f.case_id = c.id and f.months = 6 and f.done_on is not null) as filed6,
                     (select f.filed_again from casework.follow_up f
                       where f.case_id = c.id and f.months = 12 and f.done_on is not null) as filed12
                from casework.counseling_case c
               where c.application_id = any(:ids)"""
            : """
              select c.application_id, c.risk = 'HIGH' as high_risk, s.first_held,
                     f6.filed_again as filed6, f12.filed_again as filed12
                from casework.counseling_case c
                left join (select case_id, min((scheduled_at at time zone :zone)::date) as first_held
                             from casework.session where status = 'HELD' group by case_id) s
                       on s.case_id = c.id
                left join casework.follow_up f6
                       on f6.case_id = c.id and f6.months = 6 and f6.done_on is not null
                left join casework.follow_up f12
                       on f12.case_id = c.id and f12.months = 12 and f12.done_on is not null
               where c.application_id = any(:ids)""";
    jdbc.sql(sql)
        .param("ids", ids.stream().map(ApplicationId::value).toArray(UUID[]::new))
        .param("zone", LegalTime.ZONE.getId())
        .query(
            rs -> {
              ApplicationId id = new ApplicationId(rs.getObject("application_id", UUID.class));
              found.put(
                  id,
                  new ApplicationCounseling(
                      id,
                      rs.getObject("first_held", LocalDate.class),
                      rs.getBoolean("high_risk"),
                      rs.getObject("filed6", Boolean.class),
                      rs.getObject("filed12", Boolean.class)));
            });
    return found;
  }

  public CaseCounts counts(DataScope scope, LocalDate from, LocalDate to) {
    var stages =
        jdbc.sql(
                """
                select region_path, stage, count(*) as cases,
                       count(*) filter (where risk = 'HIGH') as high_risk
                  from casework.counseling_case
                 where region_path like :scope and opened_on between :from and :to
                 group by region_path, stage""")
            .param("scope", scope.likePattern())
            .param("from", from)
            .param("to", to)
            .query(
                (rs, n) ->
                    new CaseCounts.StageCount(
                        rs.getString("region_path"),
                        CaseStage.valueOf(rs.getString("stage")),
                        rs.getLong("cases"),
                        rs.getLong("high_risk")))
            .list();
    var categories =
        jdbc.sql(
                """
                select region_path, category, count(*) as cases
                  from casework.counseling_case, unnest(issue_categories) as category
                 where region_path like :scope and opened_on between :from and :to
                 group by region_path, category""")
            .param("scope", scope.likePattern())
            .param("from", from)
            .param("to", to)
            .query(
                (rs, n) ->
                    new CaseCounts.CategoryCount(
                        rs.getString("region_path"), rs.getString("category"), rs.getLong("cases")))
            .list();
    var referrals =
        jdbc.sql(
                """
                select c.region_path, r.kind, count(*) as referrals
                  from casework.safety_referral r
                  join casework.counseling_case c on c.id = r.case_id
                 where c.region_path like :scope and r.made_on between :from and :to
                 group by c.region_path, r.kind""")
            .param("scope", scope.likePattern())
            .param("from", from)
            .param("to", to)
            .query(
                (rs, n) ->
                    new CaseCounts.ReferralCount(
                        rs.getString("region_path"),
                        SafetyReferralKind.valueOf(rs.getString("kind")),
                        rs.getLong("referrals")))
            .list();
    return new CaseCounts(stages, categories, referrals);
  }

  /**
   * {@link #counts} of each of these days on its own (a case's opened day, a referral's day made),
   * for figures kept per day; days without any are absent.
   */
  public Map<LocalDate, CaseCounts> countsOn(java.util.Collection<LocalDate> days) {
    Map<LocalDate, CaseCounts> out = new java.util.TreeMap<>();
    if (days.isEmpty()) {
      return out;
    }
    String[] asked = days.stream().map(LocalDate::toString).toArray(String[]::new);
    java.util.function.Function<LocalDate, CaseCounts> of =
        d ->
            out.computeIfAbsent(
                d,
                k ->
                    new CaseCounts(
                        new java.util.ArrayList<>(),
                        new java.util.ArrayList<>(),
                        new java.util.ArrayList<>()));
    jdbc.sql(
            """
            select opened_on, region_path, stage, count(*) as cases,
                   count(*) filter (where risk = 'HIGH') as high_risk
              from casework.counseling_case
             where opened_on = any(cast(:days as date[]))
             group by opened_on, region_path, stage""")
        .param("days", asked)
        .query(
            rs -> {
              of.apply(rs.getObject("opened_on", LocalDate.class))
                  .stages()
                  .add(
                      new CaseCounts.StageCount(
                          rs.getString("region_path"),
                          CaseStage.valueOf(rs.getString("stage")),
                          rs.getLong("cases"),
                          rs.getLong("high_risk")));
            });
    jdbc.sql(
            """
            select opened_on, region_path, category, count(*) as cases
              from casework.counseling_case, unnest(issue_categories) as category
             where opened_on = any(cast(:days as date[]))
             group by opened_on, region_path, category""")
        .param("days", asked)
        .query(
            rs -> {
              of.apply(rs.getObject("opened_on", LocalDate.class))
                  .categories()
                  .add(
                      new CaseCounts.CategoryCount(
                          rs.getString("region_path"),
                          rs.getString("category"),
                          rs.getLong("cases")));
            });
    jdbc.sql(
            """
            select r.made_on, c.region_path, r.kind, count(*) as referrals
              from casework.safety_referral r
              join casework.counseling_case c on c.id = r.case_id
             where r.made_on = any(cast(:days as date[]))
             group by r.made_on, c.region_path, r.kind""")
        .param("days", asked)
        .query(
            rs -> {
              of.apply(rs.getObject("made_on", LocalDate.class))
                  .referrals()
                  .add(
                      new CaseCounts.ReferralCount(
                          rs.getString("region_path"),
                          SafetyReferralKind.valueOf(rs.getString("kind")),
                          rs.getLong("referrals")));
            });
    return out;
  }

  /** Every day on which a case was opened or a safety referral made, in order. */
  public List<LocalDate> countDays() {
    return jdbc.sql(
            """
            select opened_on from casework.counseling_case
            union
            select made_on from casework.safety_referral
            order by 1""")
        .query(LocalDate.class)
        .list();
  }
}
