package org.huhang.selfservice.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.huhang.selfservice.BookingStatus;
import org.huhang.selfservice.HalfDaySlot;
import org.huhang.selfservice.Topic;
import org.huhang.shared.ConflictException;
import org.huhang.shared.DomainException;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Transient;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.Persistable;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A family's booking of a half-day at a center. The person's number, name and message are sealed;
 * the number's keyed hash finds the person's bookings. The family moves or cancels it while it is
 * ahead; the center manager accepts it into a case or declines it.
 */
@Table(schema = "selfservice", name = "booking")
class Booking implements Persistable<UUID> {

  @Id private final UUID id;
  private final String reference;
  private final UUID centerId;
  private final String regionPath;
  private byte[] phoneHash;
  private byte[] phoneCipher;
  private byte[] personCipher;
  private final Topic topic;
  private LocalDate slotDate;
  private HalfDaySlot.Part halfDay;
  private final boolean together;
  private final boolean safetyConcern;
  private final byte[] messageCipher;
  private BookingStatus status;
  private UUID caseId;
  private String decidedBy;
  private Instant decidedAt;
  private final Instant createdAt;
  private Instant updatedAt;
  @Version private Integer version;
  @Transient private final boolean isNew;

  @PersistenceCreator
  Booking(
      UUID id,
      String reference,
      UUID centerId,
      String regionPath,
      byte[] phoneHash,
      byte[] phoneCipher,
      byte[] personCipher,
      Topic topic,
      LocalDate slotDate,
      HalfDaySlot.Part halfDay,
      boolean together,
      boolean safetyConcern,
      byte[] messageCipher,
      BookingStatus status,
      UUID caseId,
      String decidedBy,
      Instant decidedAt,
      Instant createdAt,
      Instant updatedAt,
      Integer version) {
    this(
        id,
        reference,
        centerId,
        regionPath,
        phoneHash,
        phoneCipher,
        personCipher,
        topic,
        slotDate,
        halfDay,
        together,
        safetyConcern,
        messageCipher,
        status,
        caseId,
        decidedBy,
        decidedAt,
        createdAt,
        updatedAt,
        version,
        false);
  }

  /**
   * A new booking, already checked by {@link BookingRules}: one who is afraid of the other never
   * books together with it.
   */
  static Booking request(
      String reference,
      UUID centerId,
      String regionPath,
      byte[] phoneHash,
      byte[] phoneCipher,
      byte[] personCipher,
      Topic topic,
      HalfDaySlot slot,
      boolean together,
      boolean safetyConcern,
      byte[] messageCipher,
      Instant now) {
    if (safetyConcern && together) {
      throw DomainException.of("together", "booking.together.unsafe");
    }
    return new Booking(
        UUID.randomUUID(),
        reference,
        centerId,
        regionPath,
        phoneHash,
        phoneCipher,
        personCipher,
        topic,
        slot.date(),
        slot.part(),
        together,
        safetyConcern,
        messageCipher,
        BookingStatus.REQUESTED,
        null,
        null,
        null,
        now,
        now,
        null,
        true);
  }

  private Booking(
      UUID id,
      String reference,
      UUID centerId,
      String regionPath,
      byte[] phoneHash,
      byte[] phoneCipher,
      byte[] personCipher,
      Topic topic,
      LocalDate slotDate,
      HalfDaySlot.Part halfDay,
      boolean together,
      boolean safetyConcern,
      byte[] messageCipher,
      BookingStatus status,
      UUID caseId,
      String decidedBy,
      Instant decidedAt,
      Instant createdAt,
      Instant updatedAt,
      Integer version,
      boolean isNew) {
    this.id = id;
    this.reference = reference;
    this.centerId = centerId;
    this.regionPath = regionPath;
    this.phoneHash = phoneHash;
    this.phoneCipher = phoneCipher;
    this.personCipher = personCipher;
    this.topic = topic;
    this.slotDate = slotDate;
    this.halfDay = halfDay;
    this.together = together;
    this.safetyConcern = safetyConcern;
    this.messageCipher = messageCipher;
    this.status = status;
    this.caseId = caseId;
    this.decidedBy = decidedBy;
    this.decidedAt = decidedAt;
    this.createdAt = createdAt;
    this.updatedAt = updatedAt;
    this.version = version;
    this.isNew = isNew;
  }

  /** Moves the booking to another half-day; only while it is open and still ahead. */
  void moveTo(HalfDaySlot slot, LocalDate today, Instant now) {
    requireAhead(today);
    if (!slot.date().isAfter(today)) {
      throw DomainException.of("slot", "booking.slot.past");
    }
    this.slotDate = slot.date();
    this.halfDay = slot.part();
    this.updatedAt = now;
  }

  /** The family cancels; only while the booking is open and its day has not come. */
  void cancel(LocalDate today, Instant now) {
    requireAhead(today);
    this.status = BookingStatus.CANCELLED;
    this.updatedAt = now;
  }

  /**
   * The person's mobile number corrected on its request (PIPL art. 46): from now on the booking
   * answers to the new number, and its reminders go there.
   */
  void correctPhone(byte[] hash, byte[] cipher, Instant now) {
    this.phoneHash = hash;
    this.phoneCipher = cipher;
    this.updatedAt = now;
  }

  /** The person's name, gender or birth date corrected on its request, sealed again. */
  void correctPerson(byte[] cipher, Instant now) {
    this.personCipher = cipher;
    this.updatedAt = now;
  }

  /**
   * Before the person's booking is erased on its request: one still waiting for the manager is
   * cancelled, for nobody could be reached about it any more.
   */
  void withdrawForErasure(LocalDate today, Instant now) {
    if (status == BookingStatus.REQUESTED && slotDate.isAfter(today)) {
      cancel(today, now);
    }
  }

  /** The center manager takes it into a case: from here on the case's team sees it. */
  void accept(UUID caseId, String by, Instant now) {
    requireRequested();
    this.status = BookingStatus.ACCEPTED;
    this.caseId = caseId;
    this.decidedBy = by;
    this.decidedAt = now;
    this.updatedAt = now;
  }

  void decline(String by, Instant now) {
    requireRequested();
    this.status = BookingStatus.DECLINED;
    this.decidedBy = by;
    this.decidedAt = now;
    this.updatedAt = now;
  }

  private void requireRequested() {
    if (status != BookingStatus.REQUESTED) {
      throw ConflictException.of(null, "booking.notRequested");
    }
  }

  private void requireAhead(LocalDate today) {
    if (!status.open()) {
      throw ConflictException.of(null, "booking.closed");
    }
    if (!slotDate.isAfter(today)) {
      throw ConflictException.of(null, "booking.dayCome");
    }
  }

  HalfDaySlot slot() {
    return new HalfDaySlot(slotDate, halfDay);
  }

  @Override
  public UUID getId() {
    return id;
  }

  @Override
  public boolean isNew() {
    return isNew;
  }

  UUID id() {
    return id;
  }

  String reference() {
    return reference;
  }

  UUID centerId() {
    return centerId;
  }

  String regionPath() {
    return regionPath;
  }

  byte[] phoneHash() {
    return phoneHash;
  }

  byte[] phoneCipher() {
    return phoneCipher;
  }

  byte[] personCipher() {
    return personCipher;
  }

  byte[] messageCipher() {
    return messageCipher;
  }

  Topic topic() {
    return topic;
  }

  boolean together() {
    return together;
  }

  boolean safetyConcern() {
    return safetyConcern;
  }

  BookingStatus status() {
    return status;
  }

  UUID caseId() {
    return caseId;
  }

  Instant createdAt() {
    return createdAt;
  }

  Integer version() {
    return version;
  }
}
