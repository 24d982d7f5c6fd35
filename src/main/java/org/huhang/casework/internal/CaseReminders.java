package org.huhang.casework.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.huhang.center.Centers;
import org.huhang.notification.Notice;
import org.huhang.notification.Notifications;
import org.huhang.shared.LegalTime;
import org.huhang.shared.person.PersonalDataProtector;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each morning (China time): tomorrow's sessions to their counselors' inboxes and, by text message,
 * to the parties who come; follow-ups due today or overdue to the case team. The event keys (the
 * session, the follow-up, the person) make a second run post nothing new.
 *
 * <p>A party gets a text message only when the case was screened and found LOW risk: never a party
 * of a case screened HIGH (an abuser may read the phone), nor ELEVATED, nor a case not yet
 * screened, where nobody knows. The text names the day, the time and the center only: no name, no
 * case content.
 */
@Component
class CaseReminders {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M月d日");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

  /** A mainland mobile number: a landline cannot receive a text message. */
  private static final java.util.regex.Pattern MOBILE = java.util.regex.Pattern.compile("1\\d{10}");

  private final JdbcClient jdbc;
  private final Notifications notifications;
  private final Centers centers;
  private final PersonalDataProtector protector;
  private final Clock clock;

  CaseReminders(
      JdbcClient jdbc,
      Notifications notifications,
      Centers centers,
      PersonalDataProtector protector,
      Clock clock) {
    this.jdbc = jdbc;
    this.notifications = notifications;
    this.centers = centers;
    this.protector = protector;
    this.clock = clock;
  }

  @Scheduled(cron = "${huhang.jobs.case-reminders-cron:0 0 9 * * *}", zone = "Asia/Shanghai")
  void daily() {
    LocalDate today = LocalDate.now(clock);
    remindSessions(today);
    remindFollowUps(today);
  }

  private record Upcoming(
      UUID id,
      UUID caseId,
      UUID centerId,
      String risk,
      ZonedDateTime at,
      String attendees,
      String channel,
      List<UUID> counselors) {}

  /** Tomorrow's scheduled sessions: the notices posted now (0 on a second run). */
  @Transactional
  public int remindSessions(LocalDate today) {
    LocalDate tomorrow = today.plusDays(1);
    List<Upcoming> sessions =
        jdbc.sql(
                """
                select s.id, s.case_id, c.center_id, c.risk, s.scheduled_at, s.attendees,
                       s.channel, s.counselors
                from casework.session s
                join casework.counseling_case c on c.id = s.case_id
                where s.status = 'SCHEDULED' and c.status <> 'CLOSED'
                  and s.scheduled_at >= :from and s.scheduled_at < :to
                order by s.scheduled_at, s.id
                """)
            .param("from", Timestamp.from(tomorrow.atStartOfDay(LegalTime.ZONE).toInstant()))
            .param(
                "to", Timestamp.from(tomorrow.plusDays(1).atStartOfDay(LegalTime.ZONE).toInstant()))
            .query(
                (rs, n) ->
                    new Upcoming(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant().atZone(LegalTime.ZONE),
                        rs.getString(6),
                        rs.getString(7),
                        List.of((UUID[]) rs.getArray(8).getArray())))
            .list();
    Map<UUID, String> centerNames =
        centers.names(sessions.stream().map(Upcoming::centerId).collect(Collectors.toSet()));
    int posted = 0;
    for (Upcoming s : sessions) {
      String day = DAY.format(s.at);
      String time = TIME.format(s.at);
      for (UUID counselor : s.counselors) {
        notifications.tellUser(
            "session-reminder:" + s.id,
            counselor,
            "notice.session.counselor." + s.channel,
            List.of(s.at.toLocalDate().toString(), time),
            "/cases/" + s.caseId + "/sessions/" + s.id);
        posted++;
      }
      if ("LOW".equals(s.risk)) {
        posted += textParties(s, day, time, centerNames.getOrDefault(s.centerId, ""));
      }
    }
    return posted;
  }

  private int textParties(Upcoming s, String day, String time, String centerName) {
    Set<String> coming = "BOTH".equals(s.attendees) ? Set.of("A", "B") : Set.of(s.attendees);
    int posted = 0;
    for (var party :
        jdbc.sql(
                """
                select p.role, p.phone_cipher from casework.case_party p
                 where p.case_id = :c and p.phone_cipher is not null
                   -- A party that withdrew its consent (and gave none again) hears nothing more.
                   and not exists (
                       select 1 from casework.consent w
                        where w.case_id = p.case_id and w.party = p.role
                          and w.purpose in ('COUNSELING', 'SENSITIVE_PROCESSING')
                          and w.withdrawn_at is not null
                          and not exists (
                              select 1 from casework.consent g
                               where g.case_id = w.case_id and g.party = w.party
                                 and g.purpose = w.purpose and g.withdrawn_at is null))
                 order by p.role""")
            .param("c", s.caseId)
            .query((rs, n) -> Map.entry(rs.getString(1), rs.getBytes(2)))
            .list()) {
      if (!coming.contains(party.getKey())) {
        continue;
      }
      String phone = protector.decrypt(party.getValue()).replaceAll("[\\s-]", "");
      if (!MOBILE.matcher(phone).matches() || notifications.optedOut(phone)) {
        continue;
      }
      if (notifications.post(
          Notice.sms(
              "session-sms:" + s.id + ":" + party.getKey(),
              phone,
              "notice.session.sms",
              List.of(day, time, centerName)))) {
        posted++;
      }
    }
    return posted;
  }

  /** Follow-ups due today or overdue, not yet done: to each member of the case's team, once. */
  @Transactional
  public int remindFollowUps(LocalDate today) {
    record Due(UUID id, UUID caseId, int months, LocalDate dueOn, UUID userId) {}
    List<Due> due =
        jdbc.sql(
                """
                select f.id, f.case_id, f.months, f.due_on, t.user_id
                from casework.follow_up f
                join casework.team_member t on t.case_id = f.case_id and t.removed_at is null
                where f.done_on is null and f.due_on <= :today
                order by f.due_on, f.id, t.user_id
                """)
            .param("today", today)
            .query(
                (rs, n) ->
                    new Due(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getInt(3),
                        rs.getObject(4, LocalDate.class),
                        rs.getObject(5, UUID.class)))
            .list();
    for (Due d : due) {
      notifications.tellUser(
          "follow-up-due:" + d.id,
          d.userId,
          "notice.followUp.due",
          List.of(String.valueOf(d.months), d.dueOn.toString()),
          "/cases/" + d.caseId);
    }
    return due.size();
  }
}
