package org.huhang.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import javax.sql.DataSource;
import org.huhang.IntegrationTest;
import org.huhang.registration.ApplicationView;
import org.huhang.registration.DivorceApplications;
import org.huhang.registration.TestCouples;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.support.PersistentApplicationEventMulticaster;

/**
 * Issue 14, events survive a crash: a couple accepts counseling, and the connection of the listener
 * that puts it in its county's referral queue is killed in the middle of its transaction (a trigger
 * terminates its own database backend). The publication stays incomplete; what the application runs
 * at start-up ({@code spring.modulith.events.republish-outstanding-events-on-restart}) hands it to
 * the listener again, which completes it: one referral, no publication left.
 */
class EventResubmissionIntegrationTest extends IntegrationTest {

  @Autowired JdbcClient jdbc;

  /** Functions and triggers are the owner's to create (the application's role may not). */
  @Autowired
  @Qualifier("ownerDataSource")
  DataSource owner;

  @Autowired DivorceApplications applications;
  @Autowired PersistentApplicationEventMulticaster multicaster;

  @AfterEach
  void healTheQueue() {
    JdbcClient ddl = JdbcClient.create(owner);
    ddl.sql("drop trigger if exists kill_referral on casework.referral").update();
    ddl.sql("drop function if exists casework.kill_referral()").update();
  }

  long referrals(ApplicationView application) {
    return jdbc.sql("select count(*) from casework.referral where application_id = :a")
        .param("a", application.id().value())
        .query(Long.class)
        .single();
  }

  /** The referral desk's publication of this application's request, if it is still incomplete. */
  String incomplete(ApplicationView application) {
    return jdbc.sql(
            """
            select coalesce(status, 'PUBLISHED') from event_publication
            where listener_id like '%ReferralDesk%' and completion_date is null
              and serialized_event like :id""")
        .param("id", "%" + application.id().value() + "%")
        .query(String.class)
        .optional()
        .orElse(null);
  }

  @Test
  void aListenerWhoseConnectionDiedMidTransactionRunsAgainAtStartUp() {
    JdbcClient ddl = JdbcClient.create(owner);
    ddl.sql(
            """
            create function casework.kill_referral() returns trigger language plpgsql as $$
            begin
              perform pg_terminate_backend(pg_backend_pid());
              return new;
            end $$""")
        .update();
    ddl.sql(
            "create trigger kill_referral before insert on casework.referral"
                + " for each row execute function casework.kill_referral()")
        .update();

    ApplicationView application =
        applications.record(
            TestCouples.couple(
                "371623",
                "端木诚",
                "1984-05-05",
                "欧阳静",
                "1985-06-06",
                LocalDate.now(org.huhang.shared.LegalTime.ZONE).minusDays(1),
                true,
                true),
            ReferralQueueIntegrationTest.WUDI_REGISTRAR);

    // The listener ran and died: its publication is left incomplete, nothing was queued.
    String status =
        ReferralQueueIntegrationTest.eventually(
            () -> {
              String s = incomplete(application);
              return s != null && !s.equals("PUBLISHED") && !s.equals("PROCESSING") ? s : null;
            });
    assertThat(status).isIn("FAILED", "RESUBMITTED");
    assertThat(referrals(application)).isZero();

    healTheQueue();
    // What the application does when it starts again.
    multicaster.afterSingletonsInstantiated();

    ReferralQueueIntegrationTest.eventually(() -> referrals(application) == 1);
    ReferralQueueIntegrationTest.eventually(() -> incomplete(application) == null);
    assertThat(referrals(application)).isEqualTo(1);
  }
}
