package org.huhang.volunteer.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.huhang.shared.DomainException;
import org.huhang.shared.DomainException.FieldProblem;
import org.huhang.shared.PlausibleDates;
import org.huhang.shared.person.Gender;
import org.huhang.shared.person.Masking;
import org.huhang.shared.person.PersonCheck;
import org.huhang.shared.person.PersonalDataProtector;
import org.huhang.shared.person.PhoneNumber;
import org.huhang.shared.rights.PersonField;
import org.huhang.shared.text.ChineseNames;
import org.huhang.shared.text.ControlCharacters;
import org.huhang.volunteer.AddQualification;
import org.huhang.volunteer.Background;
import org.huhang.volunteer.HalfDay;
import org.huhang.volunteer.LogHours;
import org.huhang.volunteer.RegisterVolunteer;
import org.huhang.volunteer.RevealedContact;
import org.huhang.volunteer.VolunteerId;
import org.huhang.volunteer.VolunteerStatus;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Transient;
import org.springframework.data.domain.Persistable;
import org.springframework.data.relational.core.mapping.InsertOnlyProperty;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A volunteer counselor and the moves the rules allow: {@link #register}, {@link #edit}, {@link
 * #addQualification}, {@link #logHours}; on the person's request {@link #correctName}, {@link
 * #correctPhone} and, once it has left, {@link #anonymise}. A move the rules refuse throws a {@link
 * DomainException} naming every field at fault at once, as the form shows them. The identity number
 * and phone are kept only encrypted, hashed for look-up and masked for lists.
 *
 * <p>Qualifications and hours are records of their own: the hours are an append-only log that grows
 * without bound, so a move returns the new record and its repository inserts it, and saving the
 * volunteer never rewrites them.
 */
@Table(schema = "volunteer", name = "volunteer")
class Volunteer implements Persistable<UUID> {

  static final String ANONYMOUS = "已匿名";

  /**
   * The details a person's request may correct here: the name and the phone. The gender and birth
   * date follow the identity number, and the number is the registration's key (one volunteer per
   * number): corrected by registering the volunteer's details again from its card.
   */
  static final List<PersonField> CORRECTABLE = List.of(PersonField.NAME, PersonField.PHONE);

  /**
   * What a record is checked against that it cannot know itself: the calendar, the dictionary, the
   * centers the actor may place volunteers at, and the other records.
   */
  interface Circumstances {

    LocalDate today();

    Set<String> activeSpecialities();

    /** The region path of the center, when the actor may place volunteers there. */
    Optional<String> placeableCenter(UUID centerId);

    /** Whether the center is closed: no volunteer is newly placed there. */
    default boolean centerClosed(UUID centerId) {
      return false;
    }

    /** Whether this counselor account may be linked to the volunteer ({@code self} null if new). */
    boolean accountAvailable(UUID userId, UUID self);

    /** Whether another volunteer is registered under this (upper-case) identity number. */
    boolean idNumberHeldByAnother(String idNumber, UUID self);
  }

  @Id private final UUID id;
  private String name;
  private String sortKey;
  private List<String> searchKeys;
  private Gender gender;
  private LocalDate birthDate;
  private byte[] idNumberCipher;
  private byte[] idNumberHash;
  private String idNumberMasked;
  private byte[] phoneCipher;
  private String phoneMasked;
  private Background background;
  private List<String> specialities;
  private List<String> dialects;
  private int availability;
  private UUID centerId;
  private String regionPath;
  private VolunteerStatus status;
  private LocalDate joinedOn;
  private UUID userId;
  @InsertOnlyProperty private final Instant createdAt;
  private Instant updatedAt;
  private LocalDate anonymisedOn;
  @Transient private boolean isNew;

  @PersistenceCreator
  Volunteer(
      UUID id,
      String name,
      String sortKey,
      List<String> searchKeys,
      Gender gender,
      LocalDate birthDate,
      byte[] idNumberCipher,
      byte[] idNumberHash,
      String idNumberMasked,
      byte[] phoneCipher,
      String phoneMasked,
      Background background,
      List<String> specialities,
      List<String> dialects,
      int availability,
      UUID centerId,
      String regionPath,
      VolunteerStatus status,
      LocalDate joinedOn,
      UUID userId,
      Instant createdAt,
      Instant updatedAt,
      LocalDate anonymisedOn) {
    this.id = id;
    this.name = name;
    this.sortKey = sortKey;
    this.searchKeys = searchKeys;
    this.gender = gender;
    this.birthDate = birthDate;
    this.idNumberCipher = idNumberCipher;
    this.idNumberHash = idNumberHash;
    this.idNumberMasked = idNumberMasked;
    this.phoneCipher = phoneCipher;
    this.phoneMasked = phoneMasked;
    this.background = background;
    this.specialities = specialities;
    this.dialects = dialects;
    this.availability = availability;
    this.centerId = centerId;
    this.regionPath = regionPath;
    this.status = status;
    this.joinedOn = joinedOn;
    this.userId = userId;
    this.createdAt = createdAt;
    this.updatedAt = updatedAt;
    this.anonymisedOn = anonymisedOn;
    this.isNew = false;
  }

  /** Registers a volunteer, or refuses with every problem of the details. */
  static Volunteer register(
      RegisterVolunteer details,
      Circumstances circumstances,
      PersonalDataProtector protector,
      Instant now) {
    refuseIfAny(problems(details, circumstances, null));
    Volunteer v =
        new Volunteer(
            UUID.randomUUID(),
            null,
            null,
            List.of(),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            List.of(),
            List.of(),
            0,
            null,
            null,
            null,
            null,
            null,
            now,
            now,
            null);
    v.apply(details, circumstances, protector, now);
    v.isNew = true;
    return v;
  }

  /**
   * Changes the details, status included. An empty identity number or phone keeps the stored one:
   * the page never holds them whole, so it cannot send them back. The kept number is checked again
   * against the gender and birth date given.
   */
  void edit(
      RegisterVolunteer details,
      Circumstances circumstances,
      PersonalDataProtector protector,
      Instant now) {
    refuseIfAnonymised();
    RegisterVolunteer effective = effective(details, protector);
    refuseIfAny(problems(effective, circumstances, id, centerId));
    apply(effective, circumstances, protector, now);
  }

  /** What the rules would find wrong with an edit, every field at once; nothing is changed. */
  List<FieldProblem> editProblems(
      RegisterVolunteer details, Circumstances circumstances, PersonalDataProtector protector) {
    refuseIfAnonymised();
    return problems(effective(details, protector), circumstances, id, centerId);
  }

  /** The details as an edit means them: an empty number or phone is the stored one. */
  private RegisterVolunteer effective(RegisterVolunteer details, PersonalDataProtector protector) {
    return new RegisterVolunteer(
        details.name(),
        details.gender(),
        details.birthDate(),
        blank(details.idNumber()) ? protector.decrypt(idNumberCipher) : details.idNumber(),
        blank(details.phone()) ? protector.decrypt(phoneCipher) : details.phone(),
        details.background(),
        details.specialities(),
        details.dialects(),
        details.availability(),
        details.centerId(),
        details.status(),
        details.joinedOn(),
        details.userId());
  }

  /** Records a certificate or licence; every text is required, none longer than the form allows. */
  VolunteerQualification addQualification(AddQualification command) {
    refuseIfAny(problems(command));
    return new VolunteerQualification(
        UUID.randomUUID(),
        id,
        command.type().strip(),
        command.number().strip(),
        command.issuer().strip(),
        command.expiresOn());
  }

  /** What the rules find wrong with a certificate, every field at once; nothing is changed. */
  static List<FieldProblem> problems(AddQualification command) {
    List<FieldProblem> problems = new ArrayList<>();
    text(problems, "type", command.type(), 60, "qualification.type");
    text(problems, "number", command.number(), 60, "qualification.number");
    text(problems, "issuer", command.issuer(), 100, "qualification.issuer");
    PlausibleDates.expiry("expiresOn", command.expiresOn()).ifPresent(problems::add);
    return problems;
  }

  /**
   * Logs hours served or trained: half an hour to a whole day, in half hours or tenths, never on a
   * day still to come. The entry is returned for its own insert: the log only grows.
   */
  VolunteerHours logHours(LogHours command, LocalDate today, String by, Instant now) {
    refuseIfAny(hoursProblems(command, today));
    return new VolunteerHours(
        UUID.randomUUID(),
        id,
        command.kind(),
        command.workedOn(),
        command.hours(),
        command.description().strip(),
        by,
        now);
  }

  /** What the rules find wrong with an hours entry, every field at once; nothing is changed. */
  static List<FieldProblem> problems(LogHours command, LocalDate today) {
    return problems(command, today, null);
  }

  /** As above, for this volunteer: no hours before it was born. */
  List<FieldProblem> hoursProblems(LogHours command, LocalDate today) {
    return problems(command, today, birthDate);
  }

  private static List<FieldProblem> problems(
      LogHours command, LocalDate today, LocalDate birthDate) {
    List<FieldProblem> problems = new ArrayList<>();
    if (command.kind() == null) {
      problems.add(problem("kind", "hours.kind.required"));
    }
    if (command.workedOn() == null) {
      problems.add(problem("workedOn", "hours.workedOn.required"));
    } else {
      PlausibleDates.pastSinceBirth(
              "workedOn", command.workedOn(), today, "hours.workedOn.future", birthDate)
          .ifPresent(problems::add);
    }
    BigDecimal hours = command.hours();
    if (hours == null) {
      problems.add(problem("hours", "hours.hours.required"));
    } else if (hours.compareTo(new BigDecimal("0.5")) < 0
        || hours.compareTo(new BigDecimal("24")) > 0
        || hours.stripTrailingZeros().scale() > 1) {
      problems.add(problem("hours", "hours.hours.range"));
    }
    text(problems, "description", command.description(), 200, "hours.description");
    return problems;
  }

  /** The whole identity number and phone; who may ask is the policy's question. */
  RevealedContact contact(PersonalDataProtector protector) {
    refuseIfAnonymised();
    return new RevealedContact(protector.decrypt(idNumberCipher), protector.decrypt(phoneCipher));
  }

  /**
   * Every problem of the details, in the order the form lists them: the fields, then the center,
   * the account and the identity number already registered.
   */
  static List<FieldProblem> problems(RegisterVolunteer v, Circumstances circumstances, UUID self) {
    return problems(v, circumstances, self, null);
  }

  /** As above, for a volunteer who stays at {@code keptCenter} even if it has closed since. */
  static List<FieldProblem> problems(
      RegisterVolunteer v, Circumstances circumstances, UUID self, UUID keptCenter) {
    List<FieldProblem> problems = new ArrayList<>();
    nameProblem(v.name()).ifPresent(problems::add);
    problems.addAll(
        PersonCheck.identity("", v.gender(), v.birthDate(), v.idNumber(), circumstances.today()));
    PhoneNumber.check(v.phone(), true)
        .ifPresent(p -> problems.add(problem("phone", p.messageKey())));
    if (v.background() == null) {
      problems.add(problem("background", "volunteer.background.required"));
    }
    Set<String> known = circumstances.activeSpecialities();
    for (String s : v.specialities()) {
      if (!known.contains(s)) {
        problems.add(
            new FieldProblem("specialities", "volunteer.speciality.unknown", new Object[] {s}));
      }
    }
    if (v.dialects().length() > 200) {
      problems.add(problem("dialects", "volunteer.dialects.size"));
    }
    if (v.centerId() == null) {
      problems.add(problem("centerId", "volunteer.center.required"));
    }
    if (v.status() == null) {
      problems.add(problem("status", "volunteer.status.required"));
    }
    if (v.joinedOn() == null) {
      problems.add(problem("joinedOn", "volunteer.joinedOn.required"));
    } else {
      PlausibleDates.pastSinceBirth(
              "joinedOn",
              v.joinedOn(),
              circumstances.today(),
              "volunteer.joinedOn.future",
              v.birthDate())
          .ifPresent(problems::add);
    }
    if (v.centerId() != null && circumstances.placeableCenter(v.centerId()).isEmpty()) {
      problems.add(problem("centerId", "volunteer.center.outOfScope"));
    } else if (v.centerId() != null
        && !v.centerId().equals(keptCenter)
        && circumstances.centerClosed(v.centerId())) {
      problems.add(problem("centerId", "volunteer.center.closed"));
    }
    if (v.userId() != null && !circumstances.accountAvailable(v.userId(), self)) {
      problems.add(problem("userId", "volunteer.account.invalid"));
    }
    if (problems.stream().noneMatch(p -> "idNumber".equals(p.field()))
        && circumstances.idNumberHeldByAnother(normalisedId(v.idNumber()), self)) {
      problems.add(problem("idNumber", "volunteer.idNumber.taken"));
    }
    return problems;
  }

  private static Optional<FieldProblem> nameProblem(String name) {
    if (blank(name)) {
      return Optional.of(problem("name", "volunteer.name.required"));
    } else if (name.length() > 50) {
      return Optional.of(problem("name", "volunteer.name.size"));
    } else if (ControlCharacters.present(name)) {
      return Optional.of(problem("name", "error.controlCharacter"));
    }
    return Optional.empty();
  }

  /** The name corrected on the volunteer's request (PIPL art. 46), found by its new keys. */
  void correctName(String name, Instant now) {
    refuseIfAnonymised();
    String stripped = name == null ? null : name.strip();
    Optional<FieldProblem> problem = nameProblem(stripped);
    if (problem.isPresent()) {
      throw new DomainException(List.of(problem.get()));
    }
    this.name = stripped;
    this.sortKey = ChineseNames.sortKey(stripped);
    this.searchKeys = List.copyOf(ChineseNames.searchKeys(stripped));
    this.updatedAt = now;
  }

  /** The phone corrected on the volunteer's request, sealed again and masked. */
  void correctPhone(PhoneNumber phone, PersonalDataProtector protector, Instant now) {
    refuseIfAnonymised();
    this.phoneCipher = protector.encrypt(phone.value());
    this.phoneMasked = phone.masked();
    this.updatedAt = now;
  }

  /** Whether the volunteer's person may be erased now: only once it has left the service. */
  boolean erasable() {
    return status == VolunteerStatus.LEFT && anonymisedOn == null;
  }

  /**
   * Erases the person of a volunteer who has left, on its request (PIPL art. 47): the name becomes
   * "已匿名", the identity number, phone and availability go, the birth date keeps its year; the
   * background, specialities, center, region, status, dates and gender stay, so every count of
   * volunteers and hours is the same. Its certificates are the caller's to delete.
   */
  void anonymise(LocalDate today, Instant now) {
    if (anonymisedOn != null) {
      return;
    }
    if (status != VolunteerStatus.LEFT) {
      throw DomainException.of(null, "volunteer.rights.erase.active");
    }
    this.name = ANONYMOUS;
    this.sortKey = ChineseNames.sortKey(ANONYMOUS);
    this.searchKeys = List.of();
    this.birthDate = LocalDate.of(birthDate.getYear(), 1, 1);
    this.idNumberCipher = null;
    this.idNumberHash = null;
    this.idNumberMasked = null;
    this.phoneCipher = null;
    this.phoneMasked = null;
    this.dialects = List.of();
    this.availability = 0;
    this.anonymisedOn = today;
    this.updatedAt = now;
  }

  boolean anonymised() {
    return anonymisedOn != null;
  }

  private void refuseIfAnonymised() {
    if (anonymisedOn != null) {
      throw DomainException.of(null, "volunteer.anonymised");
    }
  }

  private void apply(
      RegisterVolunteer c,
      Circumstances circumstances,
      PersonalDataProtector protector,
      Instant now) {
    String idNumber = normalisedId(c.idNumber());
    String phone = PhoneNumber.parse(c.phone()).map(PhoneNumber::value).orElseThrow();
    this.name = c.name();
    this.sortKey = ChineseNames.sortKey(c.name());
    this.searchKeys = List.copyOf(ChineseNames.searchKeys(c.name()));
    this.gender = c.gender();
    this.birthDate = c.birthDate();
    this.idNumberCipher = protector.encrypt(idNumber);
    this.idNumberHash = protector.lookupHash(idNumber);
    this.idNumberMasked = Masking.idNumber(idNumber);
    this.phoneCipher = protector.encrypt(phone);
    this.phoneMasked = Masking.phone(phone);
    this.background = c.background();
    this.specialities = List.copyOf(c.specialities());
    this.dialects = c.dialectList();
    this.availability = HalfDay.toBits(Set.copyOf(c.availability()));
    this.centerId = c.centerId();
    this.regionPath = circumstances.placeableCenter(c.centerId()).orElseThrow();
    this.status = c.status();
    this.joinedOn = c.joinedOn();
    this.userId = c.userId();
    this.updatedAt = now;
  }

  private static void refuseIfAny(List<FieldProblem> problems) {
    if (!problems.isEmpty()) {
      throw new DomainException(problems);
    }
  }

  private static void text(
      List<FieldProblem> problems, String field, String value, int max, String keyPrefix) {
    if (blank(value)) {
      problems.add(problem(field, keyPrefix + ".required"));
    } else if (value.strip().length() > max) {
      problems.add(problem(field, keyPrefix + ".size"));
    }
  }

  static String normalisedId(String idNumber) {
    return idNumber == null ? null : idNumber.toUpperCase(Locale.ROOT);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static FieldProblem problem(String field, String key) {
    return new FieldProblem(field, key, new Object[0]);
  }

  @Override
  public UUID getId() {
    return id;
  }

  @Override
  public boolean isNew() {
    return isNew;
  }

  VolunteerId volunteerId() {
    return new VolunteerId(id);
  }

  String name() {
    return name;
  }

  Gender gender() {
    return gender;
  }

  LocalDate birthDate() {
    return birthDate;
  }

  String idNumberMasked() {
    return idNumberMasked;
  }

  String phoneMasked() {
    return phoneMasked;
  }

  Background background() {
    return background;
  }

  List<String> specialities() {
    return specialities;
  }

  List<String> dialects() {
    return dialects;
  }

  Set<HalfDay> availability() {
    return HalfDay.fromBits(availability);
  }

  /** The volunteer states the half-days it can serve; nothing else of its record changes. */
  void changeAvailability(Set<HalfDay> slots, Instant now) {
    this.availability = HalfDay.toBits(Set.copyOf(slots));
    this.updatedAt = now;
  }

  UUID centerId() {
    return centerId;
  }

  String regionPath() {
    return regionPath;
  }

  VolunteerStatus status() {
    return status;
  }

  LocalDate joinedOn() {
    return joinedOn;
  }

  UUID userId() {
    return userId;
  }
}
