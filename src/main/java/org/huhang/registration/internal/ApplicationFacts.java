package org.huhang.registration.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.huhang.registration.ApplicationFact;
import org.huhang.registration.ApplicationId;
import org.huhang.registration.Outcome;
import org.huhang.registration.Regime;
import org.huhang.shared.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The applications of a region's subtree received in a period, as compact rows for the figures: one
 * query on the received-date index, six narrow columns, whatever the number of rows (a city's six
 * years are about 44,000).
 */
@Repository
public class ApplicationFacts {

  private final JdbcClient jdbc;

  ApplicationFacts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<ApplicationFact> receivedIn(DataScope scope, LocalDate from, LocalDate to) {
    return jdbc.sql(
            """
            select id, region_path, received_on, regime, outcome, outcome_on
              from registration.divorce_application
             where region_path like :scope and received_on between :from and :to""")
        .param("scope", scope.likePattern())
        .param("from", from)
        .param("to", to)
        .query(this::fact)
        .list();
  }

  /** The applications of every region received on one of {@code days}. */
  public List<ApplicationFact> receivedOnDays(java.util.Collection<LocalDate> days) {
    if (days.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            """
            select id, region_path, received_on, regime, outcome, outcome_on
              from registration.divorce_application
             where received_on = any(cast(:days as date[]))""")
        .param("days", days.stream().map(LocalDate::toString).toArray(String[]::new))
        .query(this::fact)
        .list();
  }

  /** The days these applications were received on (those that exist). */
  public java.util.Set<LocalDate> receivedDaysOf(java.util.Collection<ApplicationId> ids) {
    if (ids.isEmpty()) {
      return java.util.Set.of();
    }
    return new java.util.HashSet<>(
        jdbc.sql(
                """
                select distinct received_on
                  from registration.divorce_application
                 where id = any(:ids)""")
            .param("ids", ids.stream().map(ApplicationId::value).toArray(UUID[]::new))
            .query(LocalDate.class)
            .list());
  }

  /** Every day on which any application was received, in order. */
  public List<LocalDate> receivedDays() {
    return jdbc.sql("select distinct received_on from registration.divorce_application order by 1")
        .query(LocalDate.class)
        .list();
  }

  /**
   * The decided applications of a period whose couple accepted counseling and has no case yet, in
   * received order: those a history brought in, for casework to open their cases in bulk.
   */
  public List<ApplicationFact> decidedAwaitingCase(DataScope scope, LocalDate from, LocalDate to) {
    return jdbc.sql(
            """
            select id, region_path, received_on, regime, outcome, outcome_on
              from registration.divorce_application
             where region_path like :scope and received_on between :from and :to
               and counseling_accepted and not case_opened and outcome <> 'PENDING'
             order by received_on, region_path, outcome, outcome_on, id""")
        .param("scope", scope.likePattern())
        .param("from", from)
        .param("to", to)
        .query(this::fact)
        .list();
  }

  private ApplicationFact fact(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new ApplicationFact(
        new ApplicationId(rs.getObject("id", UUID.class)),
        rs.getString("region_path"),
        rs.getObject("received_on", LocalDate.class),
        Regime.valueOf(rs.getString("regime")),
        Outcome.valueOf(rs.getString("outcome")),
        rs.getObject("outcome_on", LocalDate.class));
  }
}
