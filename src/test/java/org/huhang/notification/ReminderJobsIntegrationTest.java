package org.huhang.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.IntSupplier;
import org.huhang.IntegrationTest;
import org.huhang.shared.person.PersonalDataProtector;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each module's reminder job, run twice for the same day: the first run posts its notices, the
 * second nothing new. Every scenario runs in a transaction rolled back at its end, so the changes
 * it makes to the demo data (a session's day, a case's risk) stay its own.
 */
class ReminderJobsIntegrationTest extends IntegrationTest {

  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transaction;
  @Autowired ApplicationContext context;
  @Autowired PersonalDataProtector protector;
  @Autowired org.springframework.security.core.userdetails.UserDetailsService accounts;
  @Autowired org.huhang.training.Courses courses;

  /** A reminder job's public entry point, found by its class (it is internal to its module). */
  int run(String bean, String method, LocalDate today) {
    Object job = context.getBean(bean);
    try {
      return (int) job.getClass().getMethod(method, LocalDate.class).invoke(job, today);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  int outbox(String keyLike) {
    return jdbc.sql("select count(*) from notification.outbox where event_key like :k")
        .param("k", keyLike)
        .query(Integer.class)
        .single();
  }

  List<String> channels(String keyLike) {
    return jdbc.sql(
            "select channel from notification.outbox where event_key like :k order by event_key")
        .param("k", keyLike)
        .query(String.class)
        .list();
  }

  void rolledBack(Runnable scenario) {
    transaction.executeWithoutResult(
        s -> {
          scenario.run();
          s.setRollbackOnly();
        });
  }

  void postsOnceWhenRunTwice(IntSupplier job, String keyLike) {
    int before = outbox("%");
    job.getAsInt();
    int first = outbox("%");
    assertThat(outbox(keyLike)).as("notices of " + keyLike).isPositive();
    job.getAsInt();
    assertThat(outbox("%")).as("the second run posts nothing").isEqualTo(first);
    assertThat(first).isGreaterThan(before);
  }

  @Test
  void registrarsAreToldThreeDaysBeforeAWithdrawalDeadlineAndThePartiesNever() {
    rolledBack(
        () -> {
          var app =
              jdbc.sql(
                      """
                      select id, withdrawal_deadline from registration.divorce_application
                      where outcome = 'PENDING' and region_path like '/370000/371600/371602/%'
                      order by received_on desc, id limit 1
                      """)
                  .query((rs, n) -> List.of(rs.getString(1), rs.getObject(2, LocalDate.class)))
                  .single();
          LocalDate today = ((LocalDate) app.get(1)).minusDays(3);
          String key = "withdrawal-deadline:" + app.get(0) + ":%";
          postsOnceWhenRunTwice(() -> run("deadlineReminders", "remind", today), key);
          assertThat(channels(key)).doesNotContain("SMS");
          List<String> told =
              jdbc.sql(
                      """
                      select u.username from notification.outbox o
                      join identity.app_user u on u.id = o.user_id where o.event_key like :k
                      """)
                  .param("k", key)
                  .query(String.class)
                  .list();
          assertThat(told).contains("registrar-371602").allMatch(u -> u.startsWith("registrar-"));
        });
  }

  /** A scheduled session moved to 2027-03-02 10:00, both parties coming, party A's mobile known. */
  String sessionTomorrow(String risk) {
    String session =
        jdbc.sql(
                """
                select s.id::text from casework.session s
                join casework.counseling_case c on c.id = s.case_id
                where s.status = 'SCHEDULED' and c.status <> 'CLOSED'
                  and exists (select 1 from casework.team_member t
                              where t.case_id = c.id and t.removed_at is null)
                  and exists (select 1 from casework.case_party p
                              where p.case_id = c.id and p.role = 'A')
                order by s.created_at, s.id limit 1
                """)
            .query(String.class)
            .single();
    jdbc.sql(
            """
            update casework.session s set scheduled_at = timestamptz '2027-03-02 10:00+08',
                attendees = 'BOTH',
                counselors = array(select t.user_id from casework.team_member t
                                   where t.case_id = s.case_id and t.removed_at is null)
            where s.id = cast(:s as uuid)
            """)
        .param("s", session)
        .update();
    jdbc.sql(
            """
            update casework.counseling_case set risk = :risk
            where id = (select case_id from casework.session where id = cast(:s as uuid))
            """)
        .param("risk", risk)
        .param("s", session)
        .update();
    jdbc.sql(
            """
            update casework.case_party set phone_cipher = :phone
            where role = 'A'
              and case_id = (select case_id from casework.session where id = cast(:s as uuid))
            """)
        .param("phone", protector.encrypt("13800138000"))
        .param("s", session)
        .update();
    return session;
  }

  @Test
  void aSessionTomorrowGoesToItsCounselorsAndByTextToThePartiesOfALowRiskCase() {
    rolledBack(
        () -> {
          String session = sessionTomorrow("LOW");
          postsOnceWhenRunTwice(
              () -> run("caseReminders", "remindSessions", LocalDate.parse("2027-03-01")),
              "session-reminder:" + session + ":%");
          assertThat(outbox("session-sms:" + session + ":A")).isEqualTo(1);
        });
  }

  @Test
  void aPartyThatWithdrewItsConsentGetsNoMoreText() {
    rolledBack(
        () -> {
          String session = sessionTomorrow("LOW");
          jdbc.sql(
                  """
                  update casework.consent set withdrawn_at = now(), withdrawn_by = 'test'
                   where party = 'A' and withdrawn_at is null
                     and case_id = (select case_id from casework.session where id = cast(:s as uuid))""")
              .param("s", session)
              .update();
          jdbc.sql(
                  """
                  insert into casework.consent
                         (id, case_id, party, purpose, given_at, recorded_by, withdrawn_at,
                          withdrawn_by)
                  select gen_random_uuid(), case_id, 'A', 'SENSITIVE_PROCESSING', now(), 'test',
                         now(), 'test'
                    from casework.session where id = cast(:s as uuid)""")
              .param("s", session)
              .update();
          run("caseReminders", "remindSessions", LocalDate.parse("2027-03-01"));
          assertThat(outbox("session-reminder:" + session + ":%")).isPositive();
          assertThat(outbox("session-sms:" + session + ":A")).isZero();
        });
  }

  @Test
  void aPartyOfACaseScreenedHighRiskNeverGetsAText() {
    rolledBack(
        () -> {
          String session = sessionTomorrow("HIGH");
          run("caseReminders", "remindSessions", LocalDate.parse("2027-03-01"));
          assertThat(outbox("session-reminder:" + session + ":%")).isPositive();
          assertThat(outbox("session-sms:" + session + ":%")).isZero();
        });
    rolledBack(
        () -> {
          String session = sessionTomorrow("UNSCREENED");
          run("caseReminders", "remindSessions", LocalDate.parse("2027-03-01"));
          assertThat(outbox("session-sms:" + session + ":%")).isZero();
        });
  }

  @Test
  void aFollowUpDueGoesToTheCaseTeamOnce() {
    rolledBack(
        () -> {
          var due =
              jdbc.sql(
                      """
                      select f.id::text, f.due_on from casework.follow_up f
                      where f.done_on is null and exists (select 1 from casework.team_member t
                          where t.case_id = f.case_id and t.removed_at is null)
                      order by f.due_on, f.id limit 1
                      """)
                  .query((rs, n) -> List.of(rs.getString(1), rs.getObject(2, LocalDate.class)))
                  .single();
          postsOnceWhenRunTwice(
              () -> run("caseReminders", "remindFollowUps", (LocalDate) due.get(1)),
              "follow-up-due:" + due.get(0) + ":%");
        });
  }

  @Test
  void aCertificateRunningOutGoesToTheVolunteerAndItsCentersManagerOnce() {
    rolledBack(
        () -> {
          String volunteer =
              jdbc.sql(
                      """
                      select v.id::text from volunteer.volunteer v
                      join center.center c on c.id = v.center_id
                      where v.user_id is not null and v.status <> 'LEFT'
                        and c.manager_user_id is not null and c.manager_user_id <> v.user_id
                      order by v.created_at, v.id limit 1
                      """)
                  .query(String.class)
                  .single();
          jdbc.sql(
                  """
                  insert into volunteer.qualification (id, volunteer_id, type, number, issuer, expires_on)
                  values (gen_random_uuid(), cast(:v as uuid), '测试证书', 'T-1', '测试', date '2027-04-20')
                  """)
              .param("v", volunteer)
              .update();
          String key = "certificate-expiry:" + volunteer + ":测试证书:2027-04-20:%";
          postsOnceWhenRunTwice(
              () -> run("certificateReminders", "remind", LocalDate.parse("2027-04-01")), key);
          List<UUID> told =
              jdbc.sql(
                      "select user_id from notification.outbox where event_key like :k and channel = 'INBOX'")
                  .param("k", key)
                  .query(UUID.class)
                  .list();
          UUID own =
              jdbc.sql("select user_id from volunteer.volunteer where id = cast(:v as uuid)")
                  .param("v", volunteer)
                  .query(UUID.class)
                  .single();
          UUID manager =
              jdbc.sql(
                      """
                      select c.manager_user_id from center.center c
                      join volunteer.volunteer v on v.center_id = c.id where v.id = cast(:v as uuid)
                      """)
                  .param("v", volunteer)
                  .query(UUID.class)
                  .single();
          assertThat(told).containsExactlyInAnyOrder(own, manager);
        });
  }

  @Test
  void aSeatInACourseIsToldAtOnceAndAgainTheDayBeforeItStarts() {
    org.huhang.shared.Actor admin =
        ((org.huhang.shared.ActorHolder) accounts.loadUserByUsername("admin-371623")).actor();
    UUID manager =
        ((org.huhang.shared.ActorHolder) accounts.loadUserByUsername("manager-371623"))
            .actor()
            .userId();
    rolledBack(
        () -> {
          String course =
              jdbc.sql(
                      """
                      select c.id::text from training.course c
                      where c.region_path like '/370000/371600/371623/%'
                        and not exists (select 1 from training.participant p
                                        where p.course_id = c.id and p.user_id = :u)
                      order by c.starts_on, c.id limit 1
                      """)
                  .param("u", manager)
                  .query(String.class)
                  .single();
          jdbc.sql(
                  """
                  update training.course set starts_on = date '2027-05-11',
                      ends_on = date '2027-05-12', capacity = 1000 where id = cast(:c as uuid)
                  """)
              .param("c", course)
              .update();
          jdbc.sql(
                  "update training.participant set status = 'CANCELLED'"
                      + " where course_id = cast(:c as uuid) and status = 'WAITING'")
              .param("c", course)
              .update();

          assertThat(
                  courses.enrollStaff(
                      new org.huhang.training.CourseId(UUID.fromString(course)), manager, admin))
              .isEqualTo(org.huhang.training.ParticipantStatus.ENROLLED);
          assertThat(outbox("course-enrolled:" + course + ":" + manager)).isEqualTo(1);

          postsOnceWhenRunTwice(
              () -> run("courseReminders", "remind", LocalDate.parse("2027-05-10")),
              "course-tomorrow:" + course + ":2027-05-11:%");
          assertThat(outbox("course-tomorrow:" + course + ":2027-05-11:" + manager)).isEqualTo(1);
        });
  }
}
