package org.huhang.training.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.huhang.notification.Notifications;
import org.huhang.volunteer.VolunteerId;
import org.huhang.volunteer.VolunteerRef;
import org.huhang.volunteer.Volunteers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A course's schedule in the inbox of each person with a seat: when the seat is given (in the
 * enrolment's transaction, so a refused enrolment tells nobody) and on the day before the course
 * starts (each morning, China time). Volunteers are told through their linked account; one without
 * an account has no inbox. The event keys (course, user, and the start day) make each once.
 */
@Component
class CourseReminders {

  private final JdbcClient jdbc;
  private final Volunteers volunteers;
  private final Notifications notifications;
  private final Clock clock;

  CourseReminders(
      JdbcClient jdbc, Volunteers volunteers, Notifications notifications, Clock clock) {
    this.jdbc = jdbc;
    this.volunteers = volunteers;
    this.notifications = notifications;
    this.clock = clock;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  void enrolled(CourseStore.CourseRow course, UUID userId) {
    notifications.tellUser(
        "course-enrolled:" + course.id(),
        userId,
        "notice.course.enrolled",
        List.of(
            course.title(),
            course.startsOn().toString(),
            course.endsOn().toString(),
            course.place() == null ? "" : course.place()),
        "/training/courses/" + course.id());
  }

  @Scheduled(cron = "${huhang.jobs.course-reminders-cron:0 20 9 * * *}", zone = "Asia/Shanghai")
  void daily() {
    remind(LocalDate.now(clock));
  }

  /** The day before a course starts: each participant with a seat. The notices posted now. */
  @Transactional
  public int remind(LocalDate today) {
    LocalDate tomorrow = today.plusDays(1);
    record Seat(UUID courseId, String title, String place, UUID volunteerId, UUID userId) {}
    List<Seat> seats =
        jdbc.sql(
                """
                select c.id, c.title, c.place, p.volunteer_id, p.user_id
                from training.course c
                join training.participant p on p.course_id = c.id
                where c.starts_on = :tomorrow and p.status = 'ENROLLED'
                order by c.id, p.id
                """)
            .param("tomorrow", tomorrow)
            .query(
                (rs, n) ->
                    new Seat(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getObject(4, UUID.class),
                        rs.getObject(5, UUID.class)))
            .list();
    int told = 0;
    for (Seat s : seats) {
      UUID userId =
          s.userId != null
              ? s.userId
              : volunteers
                  .ref(new VolunteerId(s.volunteerId))
                  .map(VolunteerRef::userId)
                  .orElse(null);
      if (userId == null) {
        continue;
      }
      String first = firstModule(s.courseId);
      notifications.tellUser(
          "course-tomorrow:" + s.courseId + ":" + tomorrow,
          userId,
          "notice.course.tomorrow",
          List.of(s.title, tomorrow.toString(), first, s.place == null ? "" : s.place),
          "/training/courses/" + s.courseId);
      told++;
    }
    return told;
  }

  /** When the first module begins ("09:00"), or "" without modules. */
  private String firstModule(UUID courseId) {
    return jdbc.sql(
            """
            select to_char(starts_at, 'HH24:MI') from training.module
            where course_id = :c order by day, starts_at limit 1
            """)
        .param("c", courseId)
        .query(String.class)
        .optional()
        .orElse("");
  }
}
