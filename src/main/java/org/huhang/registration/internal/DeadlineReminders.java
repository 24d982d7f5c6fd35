package org.huhang.registration.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.huhang.identity.UserRef;
import org.huhang.identity.Users;
import org.huhang.notification.Notifications;
import org.huhang.shared.DataScope;
import org.huhang.shared.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each morning (China time), three days before a pending application's withdrawal deadline: the
 * registrars whose region covers the receiving office are told, so that a party who comes to
 * withdraw is expected. Never the parties: a text about a divorce may reach the other spouse. The
 * event key (application and deadline) makes a second run post nothing; a deadline moved by the
 * calendar is a new event.
 */
@Component
class DeadlineReminders {

  static final int DAYS_BEFORE = 3;

  private final JdbcClient jdbc;
  private final Users users;
  private final Notifications notifications;
  private final Clock clock;

  DeadlineReminders(JdbcClient jdbc, Users users, Notifications notifications, Clock clock) {
    this.jdbc = jdbc;
    this.users = users;
    this.notifications = notifications;
    this.clock = clock;
  }

  @Scheduled(cron = "${huhang.jobs.deadline-reminders-cron:0 30 8 * * *}", zone = "Asia/Shanghai")
  void daily() {
    remind(LocalDate.now(clock));
  }

  /** The registrars told for the applications whose withdrawal deadline is in three days. */
  @Transactional
  public int remind(LocalDate today) {
    LocalDate deadline = today.plusDays(DAYS_BEFORE);
    record Due(UUID id, String regionPath, LocalDate receivedOn) {}
    List<Due> due =
        jdbc.sql(
                """
                select id, region_path, received_on from registration.divorce_application
                where outcome = 'PENDING' and withdrawal_deadline = :deadline
                order by region_path, id
                """)
            .param("deadline", deadline)
            .query(
                (rs, n) ->
                    new Due(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getObject(3, LocalDate.class)))
            .list();
    if (due.isEmpty()) {
      return 0;
    }
    // The registrars of a province once; each application keeps those above its office.
    java.util.Map<String, List<UserRef>> byRoot = new java.util.HashMap<>();
    int told = 0;
    for (Due d : due) {
      List<UserRef> registrars =
          byRoot.computeIfAbsent(
              root(d.regionPath()), r -> users.withRole(Role.REGISTRAR, new DataScope(r)));
      for (UserRef registrar : registrars) {
        if (new DataScope(registrar.regionPath()).covers(d.regionPath())) {
          notifications.tellUser(
              "withdrawal-deadline:" + d.id + ":" + deadline,
              registrar.id(),
              "notice.withdrawalDeadline",
              List.of(d.receivedOn.toString(), deadline.toString(), String.valueOf(DAYS_BEFORE)),
              "/registrations/" + d.id);
          told++;
        }
      }
    }
    return told;
  }

  /** The top of a region path ("/370000/"): every registrar lives below it. */
  private static String root(String path) {
    return path.substring(0, path.indexOf('/', 1) + 1);
  }
}
