package org.huhang.training.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.huhang.shared.NotFoundException;
import org.huhang.training.AddModule;
import org.huhang.training.ModuleKind;
import org.huhang.training.ModuleView;
import org.huhang.training.ParticipantStatus;
import org.huhang.training.SaveCourse;
import org.huhang.training.VolunteerCourse;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The training schema's SQL. A course is visible to an actor when it lies in the actor's region or
 * above it (a city course is every county's); both are bound parameters, never spliced.
 */
@Repository
class CourseStore {

  /** A course row before region names and modules are added. */
  record CourseRow(
      UUID id,
      String title,
      LocalDate startsOn,
      LocalDate endsOn,
      String place,
      String organiser,
      String audience,
      int capacity,
      BigDecimal requiredHours,
      String regionCode,
      String regionPath,
      int enrolled,
      int waiting,
      int completed) {}

  /**
   * A participant row: a volunteer, or a staff user ({@code userId} and {@code staffRole} set,
   * {@code volunteerId} null); {@code position} is its place on the waiting list (0 when not
   * waiting).
   */
  record ParticipantRow(
      UUID id,
      UUID courseId,
      UUID volunteerId,
      UUID userId,
      org.huhang.shared.Role staffRole,
      String name,
      String regionPath,
      ParticipantStatus status,
      int position,
      LocalDate completedOn,
      boolean hoursCredited) {}

  private static final String COURSE =
      """
      select c.id, c.title, c.starts_on, c.ends_on, c.place, c.organiser, c.audience, c.capacity,
        c.required_hours, c.region_code, c.region_path,
        (select count(*) from training.participant p where p.course_id = c.id
          and p.status in ('ENROLLED', 'COMPLETED')) as enrolled,
        (select count(*) from training.participant p where p.course_id = c.id
          and p.status = 'WAITING') as waiting,
        (select count(*) from training.participant p where p.course_id = c.id
          and p.status = 'COMPLETED') as completed
      from training.course c
      """;

  /** In the actor's region (:scope, a like pattern) or above it (:path, the actor's own path). */
  private static final String VISIBLE =
      "(c.region_path like :scope or :path like c.region_path || '%')";

  private final JdbcClient jdbc;

  CourseStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  CourseRow visible(UUID id, String scope, String path) {
    return jdbc.sql(COURSE + " where c.id = :id and " + VISIBLE)
        .param("id", id)
        .param("scope", scope)
        .param("path", path)
        .query(CourseRow.class)
        .optional()
        .orElseThrow(() -> new NotFoundException("course"));
  }

  long count(String scope, String path) {
    return jdbc.sql("select count(*) from training.course c where " + VISIBLE)
        .param("scope", scope)
        .param("path", path)
        .query(Long.class)
        .single();
  }

  List<CourseRow> list(String scope, String path, int limit, long offset) {
    return jdbc.sql(
            COURSE
                + " where "
                + VISIBLE
                + " order by c.starts_on desc, c.title, c.id limit :limit offset :offset")
        .param("scope", scope)
        .param("path", path)
        .param("limit", limit)
        .param("offset", offset)
        .query(CourseRow.class)
        .list();
  }

  /** Takes the course's row lock: enrollments, cancellations and attendance of a course queue. */
  void lock(UUID courseId) {
    jdbc.sql("select id from training.course where id = :id for update")
        .param("id", courseId)
        .query(UUID.class)
        .optional()
        .orElseThrow(() -> new NotFoundException("course"));
  }

  boolean anyCourse() {
    return jdbc.sql("select exists (select 1 from training.course)").query(Boolean.class).single();
  }

  void insertCourse(UUID id, SaveCourse c, String regionPath, String by, Instant now) {
    jdbc.sql(
            """
            insert into training.course (id, title, starts_on, ends_on, place, organiser, audience,
              capacity, required_hours, region_code, region_path, created_by, created_at, updated_at)
            values (:id, :title, :startsOn, :endsOn, :place, :organiser, :audience, :capacity,
              :hours, :region, :path, :by, :now, :now)""")
        .param("id", id)
        .param("title", c.title())
        .param("startsOn", c.startsOn())
        .param("endsOn", c.endsOn())
        .param("place", c.place())
        .param("organiser", c.organiser())
        .param("audience", c.audience())
        .param("capacity", c.capacity())
        .param("hours", c.requiredHours())
        .param("region", c.regionCode())
        .param("path", regionPath)
        .param("by", by)
        .param("now", java.sql.Timestamp.from(now))
        .update();
  }

  void updateCourse(UUID id, SaveCourse c, Instant now) {
    jdbc.sql(
            """
            update training.course set title = :title, starts_on = :startsOn, ends_on = :endsOn,
              place = :place, organiser = :organiser, audience = :audience, capacity = :capacity,
              required_hours = :hours, updated_at = :now
            where id = :id""")
        .param("id", id)
        .param("title", c.title())
        .param("startsOn", c.startsOn())
        .param("endsOn", c.endsOn())
        .param("place", c.place())
        .param("organiser", c.organiser())
        .param("audience", c.audience())
        .param("capacity", c.capacity())
        .param("hours", c.requiredHours())
        .param("now", java.sql.Timestamp.from(now))
        .update();
  }

  /** Modules of a course by day and time. */
  List<ModuleView> modules(UUID courseId) {
    return jdbc.sql(
            """
            select id, kind, day, starts_at, ends_at, hours, title, host_center, trainer, topic,
              groups
            from training.module where course_id = :c order by day, starts_at, title, id""")
        .param("c", courseId)
        .query(ModuleView.class)
        .list();
  }

  /** Modules of the courses whose region path matches the pattern, newest course first. */
  List<org.huhang.training.ModuleChoice> modulesUnder(String scope) {
    return jdbc.sql(
            """
            select m.id, m.course_id, c.title as course_title, m.title, m.day
              from training.module m join training.course c on c.id = m.course_id
             where c.region_path like :scope
             order by c.starts_on desc, m.day, m.starts_at, m.id
             limit 300""")
        .param("scope", scope)
        .query(
            (rs, n) ->
                new org.huhang.training.ModuleChoice(
                    rs.getObject("id", UUID.class),
                    new org.huhang.training.CourseId(rs.getObject("course_id", UUID.class)),
                    rs.getString("course_title"),
                    rs.getString("title"),
                    rs.getObject("day", LocalDate.class)))
        .list();
  }

  /** Modules of a course that lie outside these days. */
  int modulesOutside(UUID courseId, LocalDate from, LocalDate to) {
    return jdbc.sql(
            "select count(*) from training.module where course_id = :c"
                + " and (day < :from or day > :to)")
        .param("c", courseId)
        .param("from", from)
        .param("to", to)
        .query(Integer.class)
        .single();
  }

  void insertModule(UUID id, UUID courseId, AddModule m) {
    jdbc.sql(
            """
            insert into training.module (id, course_id, kind, day, starts_at, ends_at, hours, title,
              host_center, trainer, topic, groups)
            values (:id, :c, :kind, :day, :startsAt, :endsAt, :hours, :title, :host, :trainer,
              :topic, :groups)""")
        .param("id", id)
        .param("c", courseId)
        .param("kind", m.kind().name())
        .param("day", m.day())
        .param("startsAt", m.startsAt())
        .param("endsAt", m.endsAt())
        .param("hours", m.hours())
        .param("title", m.title())
        .param("host", m.kind() == ModuleKind.FIELD_VISIT ? m.hostCenter() : null)
        .param("trainer", m.kind() == ModuleKind.EXPERT_LECTURE ? m.trainer() : null)
        .param("topic", m.kind() == ModuleKind.EXPERT_LECTURE ? m.topic() : null)
        .param("groups", m.kind() == ModuleKind.EXPERIENCE_EXCHANGE ? m.groups() : null)
        .update();
  }

  boolean moduleAttended(UUID moduleId) {
    return jdbc.sql("select exists (select 1 from training.attendance where module_id = :m)")
        .param("m", moduleId)
        .query(Boolean.class)
        .single();
  }

  int deleteModule(UUID courseId, UUID moduleId) {
    return jdbc.sql("delete from training.module where id = :m and course_id = :c")
        .param("m", moduleId)
        .param("c", courseId)
        .update();
  }

  private static final String PARTICIPANT =
      """
      select p.id, p.course_id, p.volunteer_id, p.user_id, p.staff_role, p.name, p.region_path,
        p.status,
        case when p.status = 'WAITING' then (select count(*) from training.participant w
          where w.course_id = p.course_id and w.status = 'WAITING' and w.seq <= p.seq) else 0 end
          as position,
        p.completed_on, p.hours_credited
      from training.participant p
      """;

  /** The participants of a course: seated and completed by group and name, then the waiting. */
  List<ParticipantRow> participants(UUID courseId) {
    return jdbc.sql(
            PARTICIPANT
                + " where p.course_id = :c order by case p.status when 'WAITING' then 1"
                + " when 'CANCELLED' then 2 else 0 end, case when p.status = 'WAITING'"
                + " then p.seq end, p.region_path, p.name, p.id")
        .param("c", courseId)
        .query(ParticipantRow.class)
        .list();
  }

  Optional<ParticipantRow> participant(UUID courseId, UUID participantId) {
    return jdbc.sql(PARTICIPANT + " where p.course_id = :c and p.id = :p")
        .param("c", courseId)
        .param("p", participantId)
        .query(ParticipantRow.class)
        .optional();
  }

  Optional<ParticipantRow> participantOf(UUID courseId, UUID volunteerId) {
    return participantWhere("p.volunteer_id = :who", courseId, volunteerId);
  }

  Optional<ParticipantRow> participantOfUser(UUID courseId, UUID userId) {
    return participantWhere("p.user_id = :who", courseId, userId);
  }

  private Optional<ParticipantRow> participantWhere(String who, UUID courseId, UUID id) {
    return jdbc.sql(PARTICIPANT + " where p.course_id = :c and " + who)
        .param("c", courseId)
        .param("who", id)
        .query(ParticipantRow.class)
        .optional();
  }

  /** The courses a volunteer takes or took (not those it cancelled), newest first. */
  List<VolunteerCourse> coursesOf(UUID volunteerId) {
    return coursesWhere("p.volunteer_id = :v", volunteerId);
  }

  /** The courses a staff user takes or took as staff (not those it cancelled), newest first. */
  List<VolunteerCourse> coursesOfUser(UUID userId) {
    return coursesWhere("p.user_id = :v", userId);
  }

  private List<VolunteerCourse> coursesWhere(String who, UUID id) {
    return jdbc.sql(
            "select c.id, c.title, c.starts_on, c.ends_on, p.id as participant_id, p.status"
                + " from training.participant p join training.course c on c.id = p.course_id"
                + " where "
                + who
                + " and p.status <> 'CANCELLED'"
                + " order by c.starts_on desc, c.title")
        .param("v", id)
        .query(
            (rs, n) ->
                new VolunteerCourse(
                    new org.huhang.training.CourseId(rs.getObject("id", UUID.class)),
                    rs.getString("title"),
                    rs.getObject("starts_on", LocalDate.class),
                    rs.getObject("ends_on", LocalDate.class),
                    rs.getObject("participant_id", UUID.class),
                    ParticipantStatus.valueOf(rs.getString("status"))))
        .list();
  }

  int countWithStatus(UUID courseId, ParticipantStatus... statuses) {
    return jdbc.sql(
            "select count(*) from training.participant where course_id = :c and status in (:s)")
        .param("c", courseId)
        .param("s", java.util.Arrays.stream(statuses).map(Enum::name).toList())
        .query(Integer.class)
        .single();
  }

  /** Seats or queues a volunteer ({@code userId} and {@code staffRole} null) or a staff user. */
  void insertParticipant(
      UUID id,
      UUID courseId,
      UUID volunteerId,
      UUID userId,
      org.huhang.shared.Role staffRole,
      String name,
      String regionPath,
      ParticipantStatus status,
      Instant now) {
    jdbc.sql(
            """
            insert into training.participant (id, course_id, volunteer_id, user_id, staff_role,
              name, region_path, status, enrolled_at)
            values (:id, :c, :v, :u, :role, :name, :path, :status, :now)""")
        .param("id", id)
        .param("c", courseId)
        .param("v", volunteerId)
        .param("u", userId)
        .param("role", staffRole == null ? null : staffRole.name())
        .param("name", name)
        .param("path", regionPath)
        .param("status", status.name())
        .param("now", java.sql.Timestamp.from(now))
        .update();
  }

  /** A cancelled participant enrolled again joins the end of the queue. */
  void reenroll(UUID participantId, ParticipantStatus status, Instant now) {
    jdbc.sql(
            "update training.participant set status = :s, enrolled_at = :now,"
                + " seq = nextval(pg_get_serial_sequence('training.participant', 'seq'))"
                + " where id = :p")
        .param("s", status.name())
        .param("now", java.sql.Timestamp.from(now))
        .param("p", participantId)
        .update();
  }

  void setStatus(UUID participantId, ParticipantStatus status) {
    jdbc.sql("update training.participant set status = :s where id = :p")
        .param("s", status.name())
        .param("p", participantId)
        .update();
  }

  /** The first {@code n} of the waiting list, in its order. */
  List<UUID> firstWaiting(UUID courseId, int n) {
    return jdbc.sql(
            "select id from training.participant where course_id = :c and status = 'WAITING'"
                + " order by seq limit :n")
        .param("c", courseId)
        .param("n", n)
        .query(UUID.class)
        .list();
  }

  void complete(UUID participantId, LocalDate on) {
    jdbc.sql(
            "update training.participant set status = 'COMPLETED', completed_on = :on"
                + " where id = :p and status = 'ENROLLED'")
        .param("on", on)
        .param("p", participantId)
        .update();
  }

  /** Marks the hours credited; answers false when they already were (never twice). */
  boolean markCredited(UUID participantId) {
    return jdbc.sql(
                "update training.participant set hours_credited = true"
                    + " where id = :p and not hours_credited")
            .param("p", participantId)
            .update()
        == 1;
  }

  /** Which modules each participant of a course attended. */
  Map<UUID, Set<UUID>> attendance(UUID courseId) {
    Map<UUID, Set<UUID>> out = new HashMap<>();
    jdbc.sql(
            "select a.participant_id, a.module_id from training.attendance a join"
                + " training.participant p on p.id = a.participant_id where p.course_id = :c")
        .param("c", courseId)
        .query(
            (rs, n) ->
                out.computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashSet<>())
                    .add(rs.getObject(2, UUID.class)))
        .list();
    return out;
  }

  void setAttendance(UUID participantId, UUID moduleId, boolean present, String by, Instant now) {
    if (present) {
      jdbc.sql(
              """
              insert into training.attendance (participant_id, module_id, recorded_by, recorded_at)
              values (:p, :m, :by, :now) on conflict do nothing""")
          .param("p", participantId)
          .param("m", moduleId)
          .param("by", by)
          .param("now", java.sql.Timestamp.from(now))
          .update();
    } else {
      jdbc.sql("delete from training.attendance where participant_id = :p and module_id = :m")
          .param("p", participantId)
          .param("m", moduleId)
          .update();
    }
  }

  void saveFeedback(UUID participantId, int rating, String comments, Instant now) {
    jdbc.sql(
            """
            insert into training.feedback (participant_id, rating, comments, given_at)
            values (:p, :r, :c, :now)
            on conflict (participant_id) do update set rating = excluded.rating,
              comments = excluded.comments, given_at = excluded.given_at""")
        .param("p", participantId)
        .param("r", rating)
        .param("c", comments)
        .param("now", java.sql.Timestamp.from(now))
        .update();
  }

  Optional<Integer> ratingOf(UUID participantId) {
    return jdbc.sql("select rating from training.feedback where participant_id = :p")
        .param("p", participantId)
        .query(Integer.class)
        .optional();
  }

  record FeedbackRow(int rating, String comments) {}

  List<FeedbackRow> feedback(UUID courseId) {
    return jdbc.sql(
            "select f.rating, f.comments from training.feedback f join training.participant p"
                + " on p.id = f.participant_id where p.course_id = :c order by f.given_at, p.id")
        .param("c", courseId)
        .query(FeedbackRow.class)
        .list();
  }
}
