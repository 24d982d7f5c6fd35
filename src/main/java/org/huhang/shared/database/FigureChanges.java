package org.huhang.shared.database;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The marks that the modules' triggers leave in {@code kernel.figure_change} when something the
 * figures are made of changes (V32): a received day (registration), an application or a day of
 * casework's counts (casework), or everything (a table truncated). Reporting drains them to know
 * which days of its cache to recompute.
 */
@Repository
public class FigureChanges {

  /**
   * What changed since the last drain: received days and applications (the couples' figures), days
   * of casework's counts (a case opened, a referral made), or everything.
   */
  public record Marks(
      boolean everything, Set<LocalDate> days, Set<UUID> applications, Set<LocalDate> caseDays) {}

  private final JdbcClient jdbc;

  FigureChanges(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Whether any mark waits (a cheap look before taking a lock). */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean pending() {
    return jdbc.sql("select exists (select 1 from kernel.figure_change)")
        .query(Boolean.class)
        .single();
  }

  /**
   * Takes every mark committed so far, deleting it in the caller's transaction: a recomputation
   * that fails rolls the marks back with it. Marks committed meanwhile wait for the next drain.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Marks drain() {
    Set<LocalDate> days = new HashSet<>();
    Set<UUID> applications = new HashSet<>();
    Set<LocalDate> caseDays = new HashSet<>();
    boolean[] everything = {false};
    jdbc.sql(
            """
            delete from kernel.figure_change
            returning application_id, received_on, case_day, everything""")
        .query(
            rs -> {
              everything[0] |= rs.getBoolean("everything");
              LocalDate day = rs.getObject("received_on", LocalDate.class);
              if (day != null) {
                days.add(day);
              }
              UUID application = rs.getObject("application_id", UUID.class);
              if (application != null) {
                applications.add(application);
              }
              LocalDate caseDay = rs.getObject("case_day", LocalDate.class);
              if (caseDay != null) {
                caseDays.add(caseDay);
              }
            });
    return new Marks(everything[0], days, applications, caseDays);
  }
}
