package org.huhang.volunteer.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.huhang.volunteer.HoursEntry;
import org.huhang.volunteer.HoursKind;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Persistable;
import org.springframework.data.relational.core.mapping.Table;

/** One line of a volunteer's hours log, made by {@link Volunteer#logHours}; never changed. */
@Table(schema = "volunteer", name = "hours")
class VolunteerHours implements Persistable<UUID> {

  @Id private final UUID id;
  private final UUID volunteerId;
  private final HoursKind kind;
  private final LocalDate workedOn;
  private final BigDecimal hours;
  private final String description;
  private final String createdBy;
  private final Instant createdAt;

  VolunteerHours(
      UUID id,
      UUID volunteerId,
      HoursKind kind,
      LocalDate workedOn,
      BigDecimal hours,
      String description,
      String createdBy,
      Instant createdAt) {
    this.id = id;
    this.volunteerId = volunteerId;
    this.kind = kind;
    this.workedOn = workedOn;
    this.hours = hours;
    this.description = description;
    this.createdBy = createdBy;
    this.createdAt = createdAt;
  }

  HoursEntry view() {
    return new HoursEntry(id, kind, workedOn, hours, description);
  }

  UUID volunteerId() {
    return volunteerId;
  }

  String createdBy() {
    return createdBy;
  }

  @Override
  public UUID getId() {
    return id;
  }

  /** The log is append-only: every entry saved is new. */
  @Override
  public boolean isNew() {
    return true;
  }
}
