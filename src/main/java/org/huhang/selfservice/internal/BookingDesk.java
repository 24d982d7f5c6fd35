package org.huhang.selfservice.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.huhang.audit.AuditTrail;
import org.huhang.casework.CaseId;
import org.huhang.casework.CaseIntake;
import org.huhang.casework.CaseParty;
import org.huhang.casework.CaseSource;
import org.huhang.casework.CaseStage;
import org.huhang.casework.OpenCase;
import org.huhang.casework.PartyRole;
import org.huhang.center.CenterId;
import org.huhang.center.CenterStatus;
import org.huhang.center.CenterView;
import org.huhang.center.Centers;
import org.huhang.notification.Notice;
import org.huhang.notification.Notifications;
import org.huhang.selfservice.BookSession;
import org.huhang.selfservice.BookingStatus;
import org.huhang.selfservice.BookingView;
import org.huhang.selfservice.HalfDaySlot;
import org.huhang.shared.Actor;
import org.huhang.shared.ConflictException;
import org.huhang.shared.DomainException;
import org.huhang.shared.DomainException.FieldProblem;
import org.huhang.shared.ForbiddenException;
import org.huhang.shared.LegalTime;
import org.huhang.shared.NotFoundException;
import org.huhang.shared.Paged;
import org.huhang.shared.Role;
import org.huhang.shared.person.Masking;
import org.huhang.shared.person.PersonalDataProtector;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bookings, from both sides. A family (a proved mobile number) books a free half-day at an open
 * center, sees its own bookings only, moves or cancels them. The center's manager (or an
 * administrator of its region) sees the center's bookings and accepts one into a case or declines
 * it; until then nothing of it reaches a counselor. The case's team then sees it and its
 * questionnaire.
 */
@Component
public class BookingDesk {

  private static final char[] REFERENCE_LETTERS = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();

  private final BookingRepository repository;
  private final JdbcClient jdbc;
  private final Slots slots;
  private final Centers centers;
  private final CaseIntake cases;
  private final Notifications notifications;
  private final PersonalDataProtector protector;
  private final AuditTrail audit;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  BookingDesk(
      BookingRepository repository,
      JdbcClient jdbc,
      Slots slots,
      Centers centers,
      CaseIntake cases,
      Notifications notifications,
      PersonalDataProtector protector,
      AuditTrail audit,
      Clock clock) {
    this.repository = repository;
    this.jdbc = jdbc;
    this.slots = slots;
    this.centers = centers;
    this.cases = cases;
    this.notifications = notifications;
    this.protector = protector;
    this.audit = audit;
    this.clock = clock;
  }

  LocalDate today() {
    return LocalDate.now(clock.withZone(LegalTime.ZONE));
  }

  /** An open center's public face; any other id answers 404. */
  @Transactional(readOnly = true)
  public CenterView bookableCenter(UUID centerId) {
    return centers
        .find(new CenterId(centerId))
        .filter(c -> c.status() == CenterStatus.OPEN)
        .orElseThrow(() -> new NotFoundException("center"));
  }

  @Transactional(readOnly = true)
  public List<HalfDaySlot> freeSlots(UUID centerId) {
    return slots.free(centerId, today());
  }

  /** What this booking would refuse, every field at once. */
  public List<FieldProblem> problems(BookSession command) {
    return BookingRules.problems(command, today());
  }

  /**
   * Books a half-day for the person holding {@code phone}. Refuses a slot that filled meanwhile,
   * and the same person's second booking of one half-day (a double tap).
   */
  @Transactional
  public BookingView book(UUID centerId, FamilyPhone phone, BookSession command) {
    CenterView center = bookableCenter(centerId);
    List<FieldProblem> problems = problems(command);
    if (!problems.isEmpty()) {
      throw new DomainException(problems);
    }
    HalfDaySlot slot = HalfDaySlot.parse(command.slot()).orElseThrow();
    slots.lock(centerId, slot);
    byte[] phoneHash = protector.lookupHash("phone:" + phone.phone());
    boolean already =
        jdbc.sql(
                """
                select exists (select 1 from selfservice.booking
                 where phone_hash = :h and center_id = :c and slot_date = :d and half_day = :p
                   and status in ('REQUESTED', 'ACCEPTED'))""")
            .param("h", phoneHash)
            .param("c", centerId)
            .param("d", slot.date())
            .param("p", slot.part().name())
            .query(Boolean.class)
            .single();
    if (already) {
      throw ConflictException.of("slot", "booking.slot.alreadyYours");
    }
    if (!slots.hasPlace(centerId, slot, today())) {
      throw ConflictException.of("slot", "booking.slot.taken");
    }
    Instant now = clock.instant();
    boolean afraid = Boolean.TRUE.equals(command.afraid());
    Booking booking =
        Booking.request(
            reference(),
            centerId,
            center.regionPath(),
            phoneHash,
            protector.encrypt(phone.phone()),
            protector.encrypt(
                new SealedPerson(command.name(), command.gender(), command.birthDate()).json()),
            command.topic(),
            slot,
            !afraid && Boolean.TRUE.equals(command.together()),
            afraid,
            protector.encrypt(command.message()),
            now);
    repository.save(booking);
    audit.recordWrite("booking.request", "booking", booking.id().toString());
    notifications.post(
        Notice.sms(
            "booking-received:" + booking.id(),
            phone.phone(),
            "notice.booking.received",
            List.of(center.name(), SlotWords.chinese(slot), booking.reference())));
    if (center.managerId() != null) {
      notifications.tellUser(
          "booking-new:" + booking.id(),
          center.managerId(),
          afraid ? "notice.booking.newFlagged" : "notice.booking.new",
          List.of(booking.reference(), center.name(), SlotWords.chinese(slot)),
          "/bookings/" + booking.id());
    }
    return view(booking, center, true, false);
  }

  /** The person's own bookings, newest day first. */
  @Transactional(readOnly = true)
  public List<BookingView> mine(FamilyPhone phone) {
    List<UUID> ids =
        jdbc.sql(
                """
                select id from selfservice.booking where phone_hash = :h
                 order by slot_date desc, created_at desc limit 50""")
            .param("h", protector.lookupHash("phone:" + phone.phone()))
            .query(UUID.class)
            .list();
    // One load for the page, then back in the query's order.
    Map<UUID, Booking> loaded = new java.util.HashMap<>();
    repository.findAllById(ids).forEach(b -> loaded.put(b.id(), b));
    List<Booking> own = ids.stream().map(loaded::get).toList();
    Map<UUID, CenterView> byCenter = new java.util.HashMap<>();
    return own.stream()
        .map(
            b ->
                view(
                    b,
                    byCenter.computeIfAbsent(
                        b.centerId(), id -> centers.find(new CenterId(id)).orElseThrow()),
                    true,
                    false))
        .toList();
  }

  /** One of the person's own bookings; anyone else's answers 404, as an unknown one does. */
  @Transactional(readOnly = true)
  public BookingView own(UUID id, FamilyPhone phone) {
    Booking b = ownBooking(id, phone);
    return view(b, centers.find(new CenterId(b.centerId())).orElseThrow(), true, true);
  }

  Booking ownBooking(UUID id, FamilyPhone phone) {
    return repository
        .findById(id)
        .filter(
            b ->
                java.security.MessageDigest.isEqual(
                    b.phoneHash(), protector.lookupHash("phone:" + phone.phone())))
        .orElseThrow(() -> new NotFoundException("booking"));
  }

  /** The person moves its booking to another free half-day of the same center. */
  @Transactional
  public BookingView move(UUID id, FamilyPhone phone, String slotValue) {
    Booking b = ownBooking(id, phone);
    HalfDaySlot slot =
        HalfDaySlot.parse(slotValue)
            .orElseThrow(() -> DomainException.of("slot", "booking.slot.required"));
    if (slot.equals(b.slot())) {
      return own(id, phone);
    }
    slots.lock(b.centerId(), slot);
    if (!slots.hasPlace(b.centerId(), slot, today())) {
      throw ConflictException.of("slot", "booking.slot.taken");
    }
    b.moveTo(slot, today(), clock.instant());
    save(b);
    audit.recordWrite("booking.move", "booking", id.toString());
    CenterView center = centers.find(new CenterId(b.centerId())).orElseThrow();
    if (center.managerId() != null) {
      notifications.tellUser(
          "booking-moved:" + id + ":" + b.version(),
          center.managerId(),
          "notice.booking.moved",
          List.of(b.reference(), SlotWords.chinese(slot)),
          "/bookings/" + id);
    }
    return view(b, center, true, true);
  }

  /** The person cancels its booking while its day is ahead. */
  @Transactional
  public void cancel(UUID id, FamilyPhone phone) {
    Booking b = ownBooking(id, phone);
    b.cancel(today(), clock.instant());
    save(b);
    audit.recordWrite("booking.cancel", "booking", id.toString());
    CenterView center = centers.find(new CenterId(b.centerId())).orElseThrow();
    if (center.managerId() != null) {
      notifications.tellUser(
          "booking-cancelled:" + id,
          center.managerId(),
          "notice.booking.cancelled",
          List.of(b.reference(), SlotWords.chinese(b.slot())),
          "/bookings/" + id);
    }
  }

  // ---- staff ----

  /**
   * Who may open the desk: managers and administrators (their centers), counselors (their cases).
   */
  public void requireDesk(Actor actor) {
    if (!(actor.role().isAdministrator()
        || actor.is(Role.CENTER_MANAGER)
        || actor.is(Role.COUNSELOR))) {
      throw new ForbiddenException("bookings");
    }
  }

  /** Whether the actor decides on bookings (accepts, declines), not only reads its cases' ones. */
  public boolean decides(Actor actor) {
    return actor.role().isAdministrator() || actor.is(Role.CENTER_MANAGER);
  }

  /**
   * The bookings the actor sees: its centers' (manager, administrator) or its cases' (counselor).
   */
  @Transactional(readOnly = true)
  public Paged<BookingView> desk(Actor actor, BookingStatus status, Integer page) {
    requireDesk(actor);
    int p = page == null || page < 0 ? 0 : page;
    int size = Paged.DEFAULT_SIZE;
    StringBuilder where = new StringBuilder();
    Map<String, Object> params = new java.util.HashMap<>();
    if (decides(actor)) {
      where.append("center_id = any(:ids)");
      params.put(
          "ids",
          cases.openableCenters(actor).stream().map(c -> c.id().value()).toArray(UUID[]::new));
    } else {
      where.append("case_id = any(:ids)");
      params.put("ids", cases.onTeamOf(actor).toArray(UUID[]::new));
    }
    if (status != null) {
      where.append(" and status = '").append(status.name()).append("'");
    }
    long total =
        jdbc.sql("select count(*) from selfservice.booking where " + where)
            .params(params)
            .query(Long.class)
            .single();
    List<UUID> ids =
        jdbc.sql(
                "select id from selfservice.booking where "
                    + where
                    + " order by (status = 'REQUESTED') desc, safety_concern desc,"
                    + " slot_date, half_day, id limit :size offset :offset")
            .params(params)
            .param("size", size)
            .param("offset", p * size)
            .query(UUID.class)
            .list();
    List<Booking> rows = repository.findAllById(ids);
    Map<UUID, Booking> byId = new java.util.HashMap<>();
    rows.forEach(b -> byId.put(b.id(), b));
    Map<UUID, String> names =
        centers.names(
            rows.stream().map(Booking::centerId).collect(java.util.stream.Collectors.toSet()));
    List<BookingView> views = new ArrayList<>();
    for (UUID id : ids) {
      Booking b = byId.get(id);
      views.add(listView(b, names.getOrDefault(b.centerId(), "")));
    }
    return new Paged<>(views, p, size, total);
  }

  /**
   * One booking for the desk: the manager or administrator of its center, or a counselor of the
   * case it was accepted into; anything else answers 404. Its message is a sensitive read.
   */
  @Transactional
  public BookingView deskView(UUID id, Actor actor) {
    Booking b = visible(id, actor);
    if (b.messageCipher() != null) {
      audit.recordSensitiveRead("booking", id.toString());
    }
    return view(b, centers.find(new CenterId(b.centerId())).orElseThrow(), true, true);
  }

  /** The booking a case was accepted from, when the actor sees it; else 404. */
  @Transactional(readOnly = true)
  public UUID bookingOfCase(UUID caseId, Actor actor) {
    UUID id =
        jdbc.sql(
                "select id from selfservice.booking where case_id = :c order by created_at limit 1")
            .param("c", caseId)
            .query(UUID.class)
            .optional()
            .orElseThrow(() -> new NotFoundException("booking"));
    return visible(id, actor).id();
  }

  Booking visible(UUID id, Actor actor) {
    requireDesk(actor);
    Booking b = repository.findById(id).orElseThrow(() -> new NotFoundException("booking"));
    if (!actor.scope().covers(b.regionPath())) {
      throw new NotFoundException("booking");
    }
    if (decides(actor)) {
      Set<UUID> centersOf =
          cases.openableCenters(actor).stream()
              .map(c -> c.id().value())
              .collect(java.util.stream.Collectors.toSet());
      if (!centersOf.contains(b.centerId())) {
        throw new NotFoundException("booking");
      }
    } else if (b.caseId() == null || !cases.onTeamOf(actor).contains(b.caseId())) {
      throw new NotFoundException("booking");
    }
    return b;
  }

  /**
   * Accepts a booking into a new case at its center (source "online booking", the person as its
   * first party, the stage of its topic unless the manager chose another). The family is told.
   */
  @Transactional
  public CaseId accept(UUID id, CaseStage stage, Actor actor) {
    Booking b = visible(id, actor);
    if (!decides(actor)) {
      throw new ForbiddenException("booking");
    }
    if (b.status() != BookingStatus.REQUESTED || b.personCipher() == null) {
      throw ConflictException.of(null, "booking.notRequested");
    }
    SealedPerson person = SealedPerson.of(protector.decrypt(b.personCipher()));
    String phone = protector.decrypt(b.phoneCipher());
    CaseId caseId =
        cases.open(
            new OpenCase(
                b.centerId(),
                stage == null ? b.topic().stage() : stage,
                CaseSource.BOOKING,
                List.of(),
                List.of(
                    new CaseParty(
                        PartyRole.A,
                        person.name(),
                        person.gender(),
                        person.birthDate(),
                        null,
                        phone)),
                List.of(),
                null),
            actor);
    b.accept(caseId.value(), actor.username(), clock.instant());
    save(b);
    audit.recordWrite("booking.accept", "booking", id.toString());
    CenterView center = centers.find(new CenterId(b.centerId())).orElseThrow();
    notifications.post(
        Notice.sms(
            "booking-accepted:" + id,
            phone,
            "notice.booking.accepted",
            List.of(
                center.name(),
                SlotWords.chinese(b.slot()),
                center.address() == null ? "" : center.address(),
                b.reference())));
    return caseId;
  }

  /** Declines a booking the center cannot take; the family is told and may book another time. */
  @Transactional
  public void decline(UUID id, Actor actor) {
    Booking b = visible(id, actor);
    if (!decides(actor)) {
      throw new ForbiddenException("booking");
    }
    if (b.phoneCipher() == null) {
      throw ConflictException.of(null, "booking.notRequested");
    }
    b.decline(actor.username(), clock.instant());
    save(b);
    audit.recordWrite("booking.decline", "booking", id.toString());
    CenterView center = centers.find(new CenterId(b.centerId())).orElseThrow();
    notifications.post(
        Notice.sms(
            "booking-declined:" + id,
            protector.decrypt(b.phoneCipher()),
            "notice.booking.declined",
            List.of(center.name(), b.reference(), center.phone() == null ? "" : center.phone())));
  }

  private void save(Booking b) {
    try {
      repository.save(b);
    } catch (OptimisticLockingFailureException e) {
      throw ConflictException.of(null, "booking.conflict");
    }
  }

  private String reference() {
    char[] r = new char[8];
    for (int i = 0; i < r.length; i++) {
      r[i] = REFERENCE_LETTERS[random.nextInt(REFERENCE_LETTERS.length)];
    }
    return new String(r);
  }

  private BookingView listView(Booking b, String centerName) {
    return new BookingView(
        b.id(),
        b.reference(),
        b.centerId(),
        centerName,
        null,
        null,
        b.topic(),
        b.slot(),
        b.together(),
        b.safetyConcern(),
        b.status(),
        b.caseId(),
        b.createdAt(),
        null,
        null,
        null,
        b.version() == null ? 0 : b.version());
  }

  private BookingView view(Booking b, CenterView center, boolean person, boolean message) {
    String name = null;
    String masked = null;
    if (person && b.personCipher() == null) {
      // Anonymised when its retention ended.
      name = "已匿名";
    } else if (person) {
      name = SealedPerson.of(protector.decrypt(b.personCipher())).name();
      masked = Masking.phone(protector.decrypt(b.phoneCipher()));
    }
    return new BookingView(
        b.id(),
        b.reference(),
        b.centerId(),
        center.name(),
        center.address(),
        center.phone(),
        b.topic(),
        b.slot(),
        b.together(),
        b.safetyConcern(),
        b.status(),
        b.caseId(),
        b.createdAt(),
        name,
        masked,
        message && b.messageCipher() != null ? protector.decrypt(b.messageCipher()) : null,
        b.version() == null ? 0 : b.version());
  }
}
