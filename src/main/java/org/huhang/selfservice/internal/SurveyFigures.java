package org.huhang.selfservice.internal;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.huhang.center.Centers;
import org.huhang.region.Regions;
import org.huhang.selfservice.SatisfactionRow;
import org.huhang.shared.Actor;
import org.huhang.shared.ForbiddenException;
import org.huhang.shared.LegalTime;
import org.huhang.shared.RegionPaths;
import org.huhang.shared.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The satisfaction figures: per county and per center in the reader's region, the surveys sent in a
 * period (by the day of the invitation, China time), how many were answered, and the mean score.
 * Figures only: nobody is named, and a mean over fewer than {@link SatisfactionRow#MIN_ANSWERS}
 * answers is not shown; nor is a county's (or the whole region's) mean when, with the centers'
 * shown, it would give away the hidden ones' (they hold between 1 and MIN_ANSWERS − 1 answers
 * together).
 */
@Component
public class SurveyFigures {

  /** Who reads them: as the other figures, administrators, analysts and center managers. */
  static final Set<Role> READERS =
      EnumSet.of(Role.CITY_ADMIN, Role.COUNTY_ADMIN, Role.ANALYST, Role.CENTER_MANAGER);

  private final JdbcClient jdbc;
  private final Centers centers;
  private final Regions regions;

  SurveyFigures(JdbcClient jdbc, Centers centers, Regions regions) {
    this.jdbc = jdbc;
    this.centers = centers;
    this.regions = regions;
  }

  public void requireReader(Actor actor) {
    if (!READERS.contains(actor.role())) {
      throw new ForbiddenException("survey figures");
    }
  }

  private record Tally(UUID center, String regionPath, long invited, long answered, double sum) {}

  /**
   * The rows, each county followed by its centers; the region's total first. {@code from}, {@code
   * to}: invitation days, inclusive.
   */
  @Transactional(readOnly = true)
  public List<SatisfactionRow> rows(Actor actor, LocalDate from, LocalDate to) {
    requireReader(actor);
    List<Tally> tallies =
        jdbc.sql(
                """
                select i.center_id, min(i.region_path) as region_path, count(*) as invited,
                       count(a.id) as answered, coalesce(sum(a.satisfaction), 0) as total
                  from selfservice.survey_invitation i
                  left join selfservice.answer a
                    on a.booking_id = i.booking_id and a.kind = 'AFTER'
                       and a.satisfaction is not null
                 where i.region_path like :scope
                   and i.invited_at >= :from and i.invited_at < :to
                 group by i.center_id""")
            .param("scope", actor.scope().likePattern())
            .param("from", Timestamp.from(from.atStartOfDay(LegalTime.ZONE).toInstant()))
            .param("to", Timestamp.from(to.plusDays(1).atStartOfDay(LegalTime.ZONE).toInstant()))
            .query(
                (rs, n) ->
                    new Tally(
                        rs.getObject("center_id", UUID.class),
                        rs.getString("region_path"),
                        rs.getLong("invited"),
                        rs.getLong("answered"),
                        rs.getDouble("total")))
            .list();
    Map<UUID, String> centerNames =
        centers.names(
            tallies.stream().map(Tally::center).collect(java.util.stream.Collectors.toSet()));
    Map<String, List<Tally>> byCounty = new LinkedHashMap<>();
    for (Tally t : tallies) {
      String county = RegionPaths.countyCode(t.regionPath());
      byCounty.computeIfAbsent(county == null ? "" : county, k -> new ArrayList<>()).add(t);
    }
    Map<String, String> countyNames = regions.names(byCounty.keySet());
    List<SatisfactionRow> rows = new ArrayList<>();
    long invited = 0;
    long answered = 0;
    double sum = 0;
    long hiddenEverywhere = 0;
    List<String> counties = new ArrayList<>(byCounty.keySet());
    counties.sort(Comparator.naturalOrder());
    for (String county : counties) {
      List<Tally> list = byCounty.get(county);
      list.sort(Comparator.comparing(t -> centerNames.getOrDefault(t.center(), "")));
      long ci = 0;
      long ca = 0;
      double cs = 0;
      long hidden = 0;
      List<SatisfactionRow> centerRows = new ArrayList<>();
      for (Tally t : list) {
        ci += t.invited();
        ca += t.answered();
        cs += t.sum();
        if (t.answered() < SatisfactionRow.MIN_ANSWERS) {
          hidden += t.answered();
        }
        centerRows.add(
            new SatisfactionRow(
                t.center().toString(),
                centerNames.getOrDefault(t.center(), ""),
                false,
                t.invited(),
                t.answered(),
                mean(t.sum(), t.answered())));
      }
      boolean giveAway = hidden > 0 && hidden < SatisfactionRow.MIN_ANSWERS && list.size() > 1;
      rows.add(
          new SatisfactionRow(
              county,
              countyNames.getOrDefault(county, county),
              true,
              ci,
              ca,
              giveAway ? null : mean(cs, ca)));
      rows.addAll(centerRows);
      hiddenEverywhere += hidden;
      invited += ci;
      answered += ca;
      sum += cs;
    }
    if (!rows.isEmpty()) {
      boolean giveAway =
          hiddenEverywhere > 0
              && hiddenEverywhere < SatisfactionRow.MIN_ANSWERS
              && tallies.size() > 1;
      rows.add(
          0,
          new SatisfactionRow(
              "", "", true, invited, answered, giveAway ? null : mean(sum, answered)));
    }
    return rows;
  }

  private static Double mean(double sum, long n) {
    return n < SatisfactionRow.MIN_ANSWERS ? null : Math.round(sum * 100.0 / n) / 100.0;
  }
}
