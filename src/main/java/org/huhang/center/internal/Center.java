package org.huhang.center.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.huhang.center.CenterKind;
import org.huhang.center.CenterStatus;
import org.huhang.shared.DomainException;
import org.huhang.shared.DomainException.FieldProblem;
import org.huhang.shared.Stamped;
import org.huhang.shared.person.PhoneNumber;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Transient;
import org.springframework.data.domain.Persistable;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A counseling center or room: where it is, what it offers, who runs it and whether it takes
 * sessions. Its region never changes once it is open; every other change is a named move that
 * refuses what the rules refuse.
 */
@Table(schema = "center", name = "center")
class Center implements Stamped, Persistable<UUID> {

  static final int MAX_NAME = 100;
  static final int MAX_ADDRESS = 200;
  static final int MAX_PHONE = 30;
  static final int MAX_OPENING_HOURS = 200;
  static final int MAX_CAPACITY = 1000;

  @Id private final UUID id;
  private CenterKind kind;
  private String name;
  private final String regionCode;
  private final String regionPath;
  private String address;
  private String phone;
  private String openingHours;
  private int capacity;

  @Column("manager_user_id")
  private UUID managerId;

  private CenterStatus status;
  private Instant createdAt;
  private Instant updatedAt;
  @Transient private final boolean isNew;

  @PersistenceCreator
  Center(
      UUID id,
      CenterKind kind,
      String name,
      String regionCode,
      String regionPath,
      String address,
      String phone,
      String openingHours,
      int capacity,
      UUID managerId,
      CenterStatus status,
      Instant createdAt,
      Instant updatedAt) {
    this.id = id;
    this.kind = kind;
    this.name = name;
    this.regionCode = regionCode;
    this.regionPath = regionPath;
    this.address = address;
    this.phone = phone;
    this.openingHours = openingHours;
    this.capacity = capacity;
    this.managerId = managerId;
    this.status = status;
    this.createdAt = createdAt;
    this.updatedAt = updatedAt;
    this.isNew = false;
  }

  private Center(UUID id, String regionCode, String regionPath) {
    this.id = id;
    this.regionCode = Objects.requireNonNull(regionCode, "region code");
    this.regionPath = Objects.requireNonNull(regionPath, "region path");
    this.status = CenterStatus.OPEN;
    this.isNew = true;
  }

  /**
   * Opens a center or room at a region (whose scope the caller has checked), without a manager.
   * Refuses the description {@link #describe} refuses.
   */
  static Center open(
      CenterKind kind,
      String name,
      String regionCode,
      String regionPath,
      String address,
      String phone,
      String openingHours,
      Integer capacity) {
    Center center = new Center(UUID.randomUUID(), regionCode, regionPath);
    center.describe(kind, name, address, phone, openingHours, capacity);
    return center;
  }

  /**
   * Changes what the center is and offers. Refuses a missing kind, name or address, over-long
   * texts, a phone that is no phone number and a missing capacity or one outside 0 to 1000, all at
   * once; the phone is kept in its normal form.
   */
  void describe(
      CenterKind kind,
      String name,
      String address,
      String phone,
      String openingHours,
      Integer capacity) {
    List<FieldProblem> problems = new ArrayList<>();
    if (kind == null) {
      problems.add(new FieldProblem("kind", "center.kind.required", new Object[0]));
    }
    if (name == null || name.isBlank()) {
      problems.add(new FieldProblem("name", "center.name.required", new Object[0]));
    } else if (name.strip().length() > MAX_NAME) {
      problems.add(new FieldProblem("name", "center.name.size", new Object[0]));
    }
    if (address == null || address.isBlank()) {
      problems.add(new FieldProblem("address", "center.address.required", new Object[0]));
    } else if (address.strip().length() > MAX_ADDRESS) {
      problems.add(new FieldProblem("address", "center.address.size", new Object[0]));
    }
    if (phone != null && phone.strip().length() > MAX_PHONE) {
      problems.add(new FieldProblem("phone", "center.phone.size", new Object[0]));
    } else {
      PhoneNumber.check(phone, false)
          .ifPresent(p -> problems.add(new FieldProblem("phone", p.messageKey(), new Object[0])));
    }
    if (openingHours != null && openingHours.strip().length() > MAX_OPENING_HOURS) {
      problems.add(new FieldProblem("openingHours", "center.openingHours.size", new Object[0]));
    }
    if (capacity == null) {
      problems.add(new FieldProblem("capacity", "center.capacity.required", new Object[0]));
    } else if (capacity < 0 || capacity > MAX_CAPACITY) {
      problems.add(new FieldProblem("capacity", "center.capacity.range", new Object[0]));
    }
    if (!problems.isEmpty()) {
      throw new DomainException(problems);
    }
    this.kind = kind;
    this.name = name.strip();
    this.address = address.strip();
    this.phone =
        phone == null || phone.isBlank()
            ? null
            : PhoneNumber.parse(phone).map(PhoneNumber::value).orElseThrow();
    this.openingHours = openingHours == null ? null : openingHours.strip();
    this.capacity = capacity;
  }

  /**
   * Gives the center this manager; whether the person may run it (role, account, area) is the
   * caller's check, as it needs the identity module.
   */
  void appointManager(UUID managerId) {
    this.managerId = Objects.requireNonNull(managerId, "manager id");
  }

  /** Leaves the center without a manager. */
  void relieveManager() {
    this.managerId = null;
  }

  /** Stops taking sessions for good; refused when already closed. */
  void close() {
    if (status == CenterStatus.CLOSED) {
      throw DomainException.of("status", "center.status.alreadyClosed");
    }
    status = CenterStatus.CLOSED;
  }

  /** Stops taking sessions for a while; refused when already suspended. */
  void suspend() {
    if (status == CenterStatus.SUSPENDED) {
      throw DomainException.of("status", "center.status.alreadySuspended");
    }
    status = CenterStatus.SUSPENDED;
  }

  /** Takes sessions again after a suspension or a closure; refused when already open. */
  void reopen() {
    if (status == CenterStatus.OPEN) {
      throw DomainException.of("status", "center.status.alreadyOpen");
    }
    status = CenterStatus.OPEN;
  }

  /**
   * Moves to the status an edit form asks for, through the named move; a form that repeats the
   * current status changes nothing.
   */
  void changeStatus(CenterStatus target) {
    Objects.requireNonNull(target, "status");
    if (target == status) {
      return;
    }
    switch (target) {
      case OPEN -> reopen();
      case SUSPENDED -> suspend();
      case CLOSED -> close();
    }
  }

  /** Records when the row is written; the first write also sets the creation time. */
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

  CenterKind kind() {
    return kind;
  }

  String name() {
    return name;
  }

  String regionCode() {
    return regionCode;
  }

  String regionPath() {
    return regionPath;
  }

  String address() {
    return address;
  }

  String phone() {
    return phone;
  }

  String openingHours() {
    return openingHours;
  }

  int capacity() {
    return capacity;
  }

  UUID managerId() {
    return managerId;
  }

  CenterStatus status() {
    return status;
  }

  Instant createdAt() {
    return createdAt;
  }

  Instant updatedAt() {
    return updatedAt;
  }
}
