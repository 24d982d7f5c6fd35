package org.huhang.volunteer.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.huhang.center.CenterId;
import org.huhang.center.CenterView;
import org.huhang.center.Centers;
import org.huhang.notification.Notifications;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each morning (China time): a certificate that runs out within {@value #DAYS} days (the latest of
 * its type, as the manager's home page lists them) is told to the volunteer's own account, when it
 * has one, and to the manager of its home center. The event key (volunteer, type, expiry) makes it
 * once; a renewed certificate that runs out again is a new event.
 */
@Component
class CertificateReminders {

  static final int DAYS = 30;

  private final JdbcClient jdbc;
  private final Centers centers;
  private final Notifications notifications;
  private final Clock clock;

  CertificateReminders(JdbcClient jdbc, Centers centers, Notifications notifications, Clock clock) {
    this.jdbc = jdbc;
    this.centers = centers;
    this.notifications = notifications;
    this.clock = clock;
  }

  @Scheduled(
      cron = "${huhang.jobs.certificate-reminders-cron:0 10 9 * * *}",
      zone = "Asia/Shanghai")
  void daily() {
    remind(LocalDate.now(clock));
  }

  /** The people told now (the volunteer and the manager count one each). */
  @Transactional
  public int remind(LocalDate today) {
    record Expiring(
        UUID volunteerId, String name, UUID userId, UUID centerId, String type, LocalDate on) {}
    List<Expiring> expiring =
        jdbc.sql(
                """
                select v.id, v.name, v.user_id, v.center_id, q.type, max(q.expires_on)
                from volunteer.qualification q
                join volunteer.volunteer v on v.id = q.volunteer_id
                where v.status <> 'LEFT'
                group by v.id, v.name, v.user_id, v.center_id, q.type
                having bool_and(q.expires_on is not null)
                   and max(q.expires_on) between :today and :until
                order by max(q.expires_on), v.id, q.type
                """)
            .param("today", today)
            .param("until", today.plusDays(DAYS))
            .query(
                (rs, n) ->
                    new Expiring(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getObject(3, UUID.class),
                        rs.getObject(4, UUID.class),
                        rs.getString(5),
                        rs.getObject(6, LocalDate.class)))
            .list();
    Map<UUID, Optional<UUID>> managers = new HashMap<>();
    int told = 0;
    for (Expiring e : expiring) {
      String event = "certificate-expiry:" + e.volunteerId + ":" + e.type + ":" + e.on;
      if (e.userId != null) {
        notifications.tellUser(
            event,
            e.userId,
            "notice.certificate.own",
            List.of(e.type, e.on.toString()),
            "/me/growth");
        told++;
      }
      Optional<UUID> manager =
          managers.computeIfAbsent(
              e.centerId, c -> centers.find(new CenterId(c)).map(CenterView::managerId));
      if (manager.isPresent() && !manager.get().equals(e.userId)) {
        notifications.tellUser(
            event,
            manager.get(),
            "notice.certificate.manager",
            List.of(e.name, e.type, e.on.toString()),
            "/volunteers/" + e.volunteerId);
        told++;
      }
    }
    return told;
  }
}
