package org.huhang.casework.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
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

  public Map<ApplicationId, ApplicationCounseling> counselingOf(Collection<ApplicationId> ids) {
    Map<ApplicationId, ApplicationCounseling> found = new HashMap<>();
    if (ids.isEmpty()) {
      return found;
    }
    jdbc.sql(
            """
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
             where c.application_id = any(:ids)""")
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
}
