package org.huhang.outreach.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.huhang.outreach.OutreachType;
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
import org.springframework.data.relational.core.mapping.Table;

/**
 * An outreach event (宣传活动): what was held, when, where, by whom and for how many. It is recorded
 * with its details, then revised, moved to another region of the scope or given another organising
 * center; each move refuses what the rules refuse. Two people editing the same event race on the
 * version: the second is refused, never written over the first.
 */
@Table(schema = "outreach", name = "outreach_event")
class OutreachEvent implements Stamped, Persistable<UUID> {

  static final int MAX_TITLE = 100;
  static final int MAX_PLACE = 200;
  static final int MAX_AUDIENCE = 200;
  static final int MAX_SUMMARY = 500;
  static final int MAX_SPEAKERS = 20;
  static final int MAX_SPEAKER = 50;
  static final int MAX_ATTENDANCE = 100_000;

  /** How far ahead an event may be planned: a year; a date beyond it is a slip of the year. */
  static final int PLANNED_AHEAD_DAYS = 366;

  /** What an event is, as a form or the API gives it; checked as a whole by {@link #check}. */
  record Details(
      OutreachType type,
      String title,
      LocalDate heldOn,
      LocalTime startsAt,
      String place,
      List<String> speakers,
      String audience,
      Integer attendance,
      String summary) {}

  @Id private final UUID id;
  @Version private Long version;
  private OutreachType type;
  private String title;
  private LocalDate heldOn;
  private LocalTime startsAt;
  private String regionCode;
  private String regionPath;
  private String place;
  private UUID centerId;
  private List<String> speakers;
  private String audience;
  private int attendance;
  private String summary;
  private final String createdBy;
  private Instant createdAt;
  private Instant updatedAt;
  @Transient private final boolean isNew;

  @PersistenceCreator
  OutreachEvent(
      UUID id,
      Long version,
      OutreachType type,
      String title,
      LocalDate heldOn,
      LocalTime startsAt,
      String regionCode,
      String regionPath,
      String place,
      UUID centerId,
      List<String> speakers,
      String audience,
      int attendance,
      String summary,
      String createdBy,
      Instant createdAt,
      Instant updatedAt) {
    this.id = id;
    this.version = version;
    this.type = type;
    this.title = title;
    this.heldOn = heldOn;
    this.startsAt = startsAt;
    this.regionCode = regionCode;
    this.regionPath = regionPath;
    this.place = place;
    this.centerId = centerId;
    this.speakers = speakers == null ? List.of() : List.copyOf(speakers);
    this.audience = audience;
    this.attendance = attendance;
    this.summary = summary;
    this.createdBy = createdBy;
    this.createdAt = createdAt;
    this.updatedAt = updatedAt;
    this.isNew = false;
  }

  private OutreachEvent(UUID id, String createdBy) {
    this.id = id;
    this.createdBy = Objects.requireNonNull(createdBy, "created by");
    this.isNew = true;
  }

  /**
   * Records an event at a region (whose scope the caller has checked), organised by a center or by
   * nobody in particular. Refuses what {@link #revise} refuses.
   */
  static OutreachEvent record(
      Details details,
      String regionCode,
      String regionPath,
      UUID centerId,
      String by,
      LocalDate today) {
    OutreachEvent event = new OutreachEvent(UUID.randomUUID(), by);
    event.revise(details, today);
    event.moveTo(regionCode, regionPath);
    event.organisedBy(centerId);
    return event;
  }

  /** Changes what the event is; every problem of the details at once, nothing changed then. */
  void revise(Details d, LocalDate today) {
    List<FieldProblem> problems = check(d, today);
    if (!problems.isEmpty()) {
      throw new DomainException(problems);
    }
    type = d.type();
    title = d.title().strip();
    heldOn = d.heldOn();
    startsAt = d.startsAt();
    place = d.place().strip();
    speakers =
        d.speakers() == null
            ? List.of()
            : d.speakers().stream()
                .filter(s -> s != null && !s.isBlank())
                .map(String::strip)
                .toList();
    audience = blankToNull(d.audience());
    attendance = d.attendance();
    summary = blankToNull(d.summary());
  }

  /**
   * Holds the event at another region; the caller has checked that the actor may place it there.
   */
  void moveTo(String regionCode, String regionPath) {
    this.regionCode = Objects.requireNonNull(regionCode, "region code");
    this.regionPath = Objects.requireNonNull(regionPath, "region path");
  }

  /** Names the center that organised the event, or none ({@code null}). */
  void organisedBy(UUID centerId) {
    this.centerId = centerId;
  }

  /**
   * Every problem of these details: required fields, lengths, invisible control characters, an
   * attendance outside 0 to 100 000, a day before 1900 or more than a year ahead.
   */
  static List<FieldProblem> check(Details d, LocalDate today) {
    List<FieldProblem> problems = new ArrayList<>();
    if (d.type() == null) {
      problems.add(problem("type", "outreach.type.required"));
    }
    text(problems, "title", d.title(), true, MAX_TITLE);
    if (d.heldOn() == null) {
      problems.add(problem("heldOn", "outreach.heldOn.required"));
    } else if (d.heldOn().isAfter(today.plusDays(PLANNED_AHEAD_DAYS))) {
      problems.add(
          new FieldProblem(
              "heldOn",
              "outreach.heldOn.tooFar",
              new Object[] {today.plusDays(PLANNED_AHEAD_DAYS).toString()}));
    } else {
      PlausibleDates.past("heldOn", d.heldOn(), LocalDate.MAX).ifPresent(problems::add);
    }
    if (d.startsAt() == null) {
      problems.add(problem("startsAt", "outreach.startsAt.required"));
    }
    text(problems, "place", d.place(), true, MAX_PLACE);
    List<String> names =
        d.speakers() == null
            ? List.of()
            : d.speakers().stream().filter(s -> s != null && !s.isBlank()).toList();
    if (names.size() > MAX_SPEAKERS) {
      problems.add(problem("speakers", "outreach.speakers.count"));
    }
    for (String name : names) {
      if (ControlCharacters.present(name)) {
        problems.add(problem("speakers", "outreach.text.control"));
        break;
      }
      if (name.strip().length() > MAX_SPEAKER) {
        problems.add(problem("speakers", "outreach.speakers.size"));
        break;
      }
    }
    text(problems, "audience", d.audience(), false, MAX_AUDIENCE);
    if (d.attendance() == null) {
      problems.add(problem("attendance", "outreach.attendance.required"));
    } else if (d.attendance() < 0 || d.attendance() > MAX_ATTENDANCE) {
      problems.add(problem("attendance", "outreach.attendance.range"));
    }
    text(problems, "summary", d.summary(), false, MAX_SUMMARY);
    return problems;
  }

  private static void text(
      List<FieldProblem> problems, String field, String value, boolean required, int max) {
    if (value == null || value.isBlank()) {
      if (required) {
        problems.add(problem(field, "outreach." + field + ".required"));
      }
    } else if (ControlCharacters.present(value)) {
      problems.add(problem(field, "outreach.text.control"));
    } else if (value.strip().length() > max) {
      problems.add(problem(field, "outreach." + field + ".size"));
    }
  }

  private static FieldProblem problem(String field, String key) {
    return new FieldProblem(field, key, new Object[0]);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** Whether this event was read at {@code expected}: an edit of an older version is refused. */
  boolean readAt(Long expected) {
    return expected == null || expected.equals(version);
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

  Long version() {
    return version;
  }

  OutreachType type() {
    return type;
  }

  String title() {
    return title;
  }

  LocalDate heldOn() {
    return heldOn;
  }

  LocalTime startsAt() {
    return startsAt;
  }

  String regionCode() {
    return regionCode;
  }

  String regionPath() {
    return regionPath;
  }

  String place() {
    return place;
  }

  UUID centerId() {
    return centerId;
  }

  List<String> speakers() {
    return speakers;
  }

  String audience() {
    return audience;
  }

  int attendance() {
    return attendance;
  }

  String summary() {
    return summary;
  }

  String createdBy() {
    return createdBy;
  }
}
