package org.huhang.volunteer.internal;

import java.time.LocalDate;
import java.util.UUID;
import org.huhang.volunteer.Qualification;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Persistable;
import org.springframework.data.relational.core.mapping.Table;

/** A certificate or licence a volunteer holds, made by {@link Volunteer#addQualification}. */
@Table(schema = "volunteer", name = "qualification")
class VolunteerQualification implements Persistable<UUID> {

  @Id private final UUID id;
  private final UUID volunteerId;
  private final String type;
  private final String number;
  private final String issuer;
  private final LocalDate expiresOn;

  VolunteerQualification(
      UUID id, UUID volunteerId, String type, String number, String issuer, LocalDate expiresOn) {
    this.id = id;
    this.volunteerId = volunteerId;
    this.type = type;
    this.number = number;
    this.issuer = issuer;
    this.expiresOn = expiresOn;
  }

  Qualification view() {
    return new Qualification(id, type, number, issuer, expiresOn);
  }

  UUID volunteerId() {
    return volunteerId;
  }

  @Override
  public UUID getId() {
    return id;
  }

  /** Qualifications are recorded, never changed: every one saved is new. */
  @Override
  public boolean isNew() {
    return true;
  }
}
