package org.huhang.outreach.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.huhang.outreach.HonourLevel;
import org.huhang.shared.DomainException;
import org.huhang.shared.DomainException.FieldProblem;
import org.huhang.shared.PlausibleDates;
import org.huhang.shared.Stamped;
import org.huhang.shared.text.ControlCharacters;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Transient;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.Persistable;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A volunteer service project (志愿服务项目) of a center, such as 邹平市's 为爱护航 遇见幸福, and the honours it
 * won. It is started with its name and period; an honour is awarded to it once, on a day that has
 * passed and not before the project began.
 */
@Table(schema = "outreach", name = "service_project")
class ServiceProject implements Stamped, Persistable<UUID> {

  static final int MAX_NAME = 100;
  static final int MAX_DESCRIPTION = 1000;
  static final int MAX_AWARD = 100;

  @Id private final UUID id;
  @Version private Long version;
  private final String name;
  private final UUID centerId;
  private final String regionPath;
  private final LocalDate startedOn;
  private final LocalDate endedOn;
  private final String description;
  private Instant createdAt;
  private Instant updatedAt;

  @MappedCollection(idColumn = "project_id", keyColumn = "sort_order")
  private List<StoredHonour> honours;

  @Transient private final boolean isNew;

  @PersistenceCreator
  ServiceProject(
      UUID id,
      Long version,
      String name,
      UUID centerId,
      String regionPath,
      LocalDate startedOn,
      LocalDate endedOn,
      String description,
      Instant createdAt,
      Instant updatedAt,
      List<StoredHonour> honours) {
    this.id = id;
    this.version = version;
    this.name = name;
    this.centerId = centerId;
    this.regionPath = regionPath;
    this.startedOn = startedOn;
    this.endedOn = endedOn;
    this.description = description;
    this.createdAt = createdAt;
    this.updatedAt = updatedAt;
    this.honours = honours == null ? new ArrayList<>() : new ArrayList<>(honours);
    this.isNew = false;
  }

  private ServiceProject(
      String name,
      UUID centerId,
      String regionPath,
      LocalDate startedOn,
      LocalDate endedOn,
      String description) {
    this.id = UUID.randomUUID();
    this.name = name;
    this.centerId = centerId;
    this.regionPath = regionPath;
    this.startedOn = startedOn;
    this.endedOn = endedOn;
    this.description = description;
    this.honours = new ArrayList<>();
    this.isNew = true;
  }

  /**
   * Starts a project at a center (whose scope the caller has checked). Refuses a missing or
   * over-long name, a start missing, before 1900 or more than a year ahead, an end before the
   * start, an over-long description, and invisible control characters; all at once.
   */
  static ServiceProject start(
      String name,
      UUID centerId,
      String regionPath,
      LocalDate startedOn,
      LocalDate endedOn,
      String description,
      LocalDate today) {
    List<FieldProblem> problems = new ArrayList<>();
    text(problems, "name", name, true, MAX_NAME);
    if (centerId == null) {
      problems.add(problem("centerId", "project.center.required"));
    }
    if (startedOn == null) {
      problems.add(problem("startedOn", "project.startedOn.required"));
    } else if (startedOn.isAfter(today.plusDays(OutreachEvent.PLANNED_AHEAD_DAYS))) {
      problems.add(problem("startedOn", "project.startedOn.tooFar"));
    } else {
      PlausibleDates.past("startedOn", startedOn, LocalDate.MAX).ifPresent(problems::add);
    }
    if (endedOn != null) {
      if (startedOn != null && endedOn.isBefore(startedOn)) {
        problems.add(problem("endedOn", "project.endedOn.beforeStart"));
      } else if (endedOn.isAfter(today.plusDays(OutreachEvent.PLANNED_AHEAD_DAYS))) {
        problems.add(problem("endedOn", "project.startedOn.tooFar"));
      }
    }
    text(problems, "description", description, false, MAX_DESCRIPTION);
    if (!problems.isEmpty()) {
      throw new DomainException(problems);
    }
    return new ServiceProject(
        name.strip(),
        centerId,
        Objects.requireNonNull(regionPath, "region path"),
        startedOn,
        endedOn,
        description == null || description.isBlank() ? null : description.strip());
  }

  /**
   * Records an honour the project won. Refuses a missing or over-long award, a missing level, a day
   * in the future, before 1900 or before the project started, and the same award twice.
   */
  void award(String award, HonourLevel level, LocalDate awardedOn, LocalDate today) {
    List<FieldProblem> problems = new ArrayList<>();
    text(problems, "award", award, true, MAX_AWARD);
    if (level == null) {
      problems.add(problem("level", "project.honour.level.required"));
    }
    if (awardedOn == null) {
      problems.add(problem("awardedOn", "project.honour.awardedOn.required"));
    } else {
      var past = PlausibleDates.past("awardedOn", awardedOn, today);
      if (past.isPresent()) {
        problems.add(past.get());
      } else if (awardedOn.isBefore(startedOn)) {
        problems.add(
            new FieldProblem(
                "awardedOn", "project.honour.beforeStart", new Object[] {startedOn.toString()}));
      }
    }
    if (award != null
        && honours.stream().anyMatch(h -> h.award().equals(award.strip()) && h.level() == level)) {
      problems.add(problem("award", "project.honour.duplicate"));
    }
    if (!problems.isEmpty()) {
      throw new DomainException(problems);
    }
    honours.add(new StoredHonour(award.strip(), level, awardedOn));
  }

  private static void text(
      List<FieldProblem> problems, String field, String value, boolean required, int max) {
    String key = field.equals("award") ? "project.honour.award" : "project." + field;
    if (value == null || value.isBlank()) {
      if (required) {
        problems.add(problem(field, key + ".required"));
      }
    } else if (ControlCharacters.present(value)) {
      problems.add(problem(field, "outreach.text.control"));
    } else if (value.strip().length() > max) {
      problems.add(problem(field, key + ".size"));
    }
  }

  private static FieldProblem problem(String field, String key) {
    return new FieldProblem(field, key, new Object[0]);
  }

  @Override
  public void stamp(Instant now) {
    if (createdAt == null) {
      createdAt = now;
    }
    updatedAt = now;
  }

  @Override
  public UUID getId() {
    return id;
  }

  @Override
  public boolean isNew() {
    return isNew;
  }

  String name() {
    return name;
  }

  UUID centerId() {
    return centerId;
  }

  String regionPath() {
    return regionPath;
  }

  LocalDate startedOn() {
    return startedOn;
  }

  LocalDate endedOn() {
    return endedOn;
  }

  String description() {
    return description;
  }

  List<StoredHonour> honours() {
    return List.copyOf(honours);
  }
}
