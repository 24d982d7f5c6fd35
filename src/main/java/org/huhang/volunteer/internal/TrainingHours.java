package org.huhang.volunteer.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.huhang.audit.AuditTrail;
import org.huhang.shared.Actor;
import org.huhang.shared.DataScope;
import org.huhang.shared.NotFoundException;
import org.huhang.volunteer.HoursKind;
import org.huhang.volunteer.LogHours;
import org.huhang.volunteer.VolunteerId;
import org.huhang.volunteer.VolunteerRef;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the training module asks of volunteers: the active ones of a region to enroll, and training
 * hours written to the same append-only log as hours entered by hand, once per day and course.
 */
@Service
public class TrainingHours {

  private final JdbcClient jdbc;
  private final VolunteerRepository volunteers;
  private final HoursLog hours;
  private final AuditTrail audit;
  private final Clock clock;

  TrainingHours(
      JdbcClient jdbc,
      VolunteerRepository volunteers,
      HoursLog hours,
      AuditTrail audit,
      Clock clock) {
    this.jdbc = jdbc;
    this.volunteers = volunteers;
    this.hours = hours;
    this.audit = audit;
    this.clock = clock;
  }

  private static final String REF =
      "select id, name, region_path, user_id, status = 'ACTIVE' as active, background,"
          + " phone_masked from volunteer.volunteer";

  @Transactional(readOnly = true)
  public List<VolunteerRef> activeIn(String regionPath) {
    return jdbc.sql(
            REF
                + " where region_path like :scope and status = 'ACTIVE'"
                + " order by region_path, sort_key, id")
        .param("scope", new DataScope(regionPath).likePattern())
        .query(TrainingHours::ref)
        .list();
  }

  @Transactional(readOnly = true)
  public Optional<VolunteerRef> ref(VolunteerId id) {
    return jdbc.sql(REF + " where id = :id")
        .param("id", id.value())
        .query(TrainingHours::ref)
        .optional();
  }

  /**
   * Adds a day's training hours, unless an entry of training on that day with the same description
   * is already there (the description names the course): asking twice never counts twice.
   */
  @Transactional
  public boolean addTrainingHours(
      VolunteerId id, LocalDate day, BigDecimal trained, String description, Actor actor) {
    boolean present =
        jdbc.sql(
                "select exists (select 1 from volunteer.hours where volunteer_id = :v"
                    + " and kind = 'TRAINING' and worked_on = :d and description = :t)")
            .param("v", id.value())
            .param("d", day)
            .param("t", description)
            .query(Boolean.class)
            .single();
    if (present) {
      return false;
    }
    Volunteer volunteer =
        volunteers.findById(id.value()).orElseThrow(() -> new NotFoundException("volunteer"));
    hours.save(
        volunteer.logHours(
            new LogHours(HoursKind.TRAINING, day, trained, description),
            LocalDate.now(clock),
            actor.username(),
            clock.instant()));
    audit.recordWrite("volunteer.hours.training", "volunteer", id.toString());
    return true;
  }

  private static VolunteerRef ref(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new VolunteerRef(
        new VolunteerId(rs.getObject("id", UUID.class)),
        rs.getString("name"),
        rs.getString("region_path"),
        rs.getObject("user_id", UUID.class),
        rs.getBoolean("active"),
        org.huhang.volunteer.Background.valueOf(rs.getString("background")),
        rs.getString("phone_masked"));
  }
}
