package org.huhang.registration.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.huhang.audit.AuditTrail;
import org.huhang.registration.CoolingOffDates;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A year of the holiday calendar was entered or corrected: the dates of every application they can
 * still matter to are counted again. Each change is audited, and a moved deadline is kept for the
 * registrars' board.
 */
@Service
class DeadlineRecompute {

  private final DivorceApplicationRepository repository;
  private final AuditTrail audit;
  private final JdbcClient jdbc;
  private final Clock clock;

  DeadlineRecompute(
      DivorceApplicationRepository repository, AuditTrail audit, JdbcClient jdbc, Clock clock) {
    this.repository = repository;
    this.audit = audit;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Returns how many applications' dates changed. */
  @Transactional
  int recompute(HolidayCalendar calendar) {
    CoolingOffClock clockOfCalendar = new CoolingOffClock(calendar);
    int changed = 0;
    for (DivorceApplication application : repository.lockReschedulable()) {
      Optional<CoolingOffDates> old = application.reschedule(clockOfCalendar);
      if (old.isPresent()) {
        repository.save(application);
        keepMove(application, old.get());
        audit.recordWrite(
            "application.deadlines.recomputed",
            "divorce-application",
            application.getId().toString());
        changed++;
      }
    }
    return changed;
  }

  private void keepMove(DivorceApplication application, CoolingOffDates old) {
    CoolingOffDates d = application.dates();
    if (d.withdrawalDeadline().equals(old.withdrawalDeadline())
        && d.certificateDeadline().equals(old.certificateDeadline())) {
      return;
    }
    jdbc.sql(
            """
            insert into registration.deadline_change (application_id, changed_at, old_withdrawal_deadline,
              new_withdrawal_deadline, old_certificate_deadline, new_certificate_deadline)
            values (:id, :now, :ow, :nw, :oc, :nc)""")
        .param("id", application.getId())
        .param("now", Timestamp.from(clock.instant()))
        .param("ow", old.withdrawalDeadline())
        .param("nw", d.withdrawalDeadline())
        .param("oc", old.certificateDeadline())
        .param("nc", d.certificateDeadline())
        .update();
  }
}
