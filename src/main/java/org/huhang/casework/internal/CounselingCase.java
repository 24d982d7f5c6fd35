package org.huhang.casework.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.huhang.casework.CaseParty;
import org.huhang.casework.CaseSource;
import org.huhang.casework.CaseStage;
import org.huhang.casework.CaseStatus;
import org.huhang.casework.EditCase;
import org.huhang.casework.OpenCase;
import org.huhang.casework.PartyRole;
import org.huhang.casework.RelatedPerson;
import org.huhang.casework.Risk;
import org.huhang.shared.DomainException;
import org.huhang.shared.DomainException.FieldProblem;
import org.huhang.shared.PlausibleDates;
import org.huhang.shared.Stamped;
import org.huhang.shared.person.Masking;
import org.huhang.shared.person.PersonCheck;
import org.huhang.shared.person.PersonalDataProtector;
import org.huhang.shared.person.PhoneNumber;
import org.huhang.shared.rights.Corrections;
import org.huhang.shared.rights.PersonField;
import org.huhang.shared.text.ControlCharacters;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.Persistable;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A counseling case (辅导个案): one family's counseling at a center, and the moves its rules allow.
 * {@link #open} checks the parties and the dictionary; {@link #edit} refuses a closed case; {@link
 * #raiseRisk} only ever raises; {@link #approveJointSessions} is for an ELEVATED case only; {@link
 * #close} records the counselor's outcome once. Two people saving the same case race on the
 * version: the second is refused, never written over the first.
 */
@Table(schema = "casework", name = "counseling_case")
class CounselingCase implements Stamped, Persistable<UUID> {

  static final int NAME_MAX = 50;
  static final int CATEGORIES_MAX = 8;
  static final int RELATIVES_MAX = 20;
  static final int TEXT_MAX = 2000;

  @Id private final UUID id;
  @Version private Long version;
  private UUID centerId;
  private String regionPath;
  private CaseStage stage;
  private CaseStatus status;
  private final CaseSource source;
  private final UUID applicationId;
  private List<String> issueCategories;
  private Risk risk;
  private String jointApprovedBy;
  private Instant jointApprovedAt;
  private byte[] jointApprovalCipher;
  private String outcome;
  private byte[] outcomeCipher;
  private LocalDate closedOn;
  private String closedBy;
  private String legalOutcome;
  private LocalDate legalOutcomeOn;
  private final String openedBy;
  private final LocalDate openedOn;
  private Instant createdAt;
  private String updatedBy;
  private Instant updatedAt;

  @MappedCollection(idColumn = "case_id", keyColumn = "role")
  private Map<String, StoredCaseParty> parties;

  @MappedCollection(idColumn = "case_id", keyColumn = "sort_order")
  private List<StoredRelative> relatives;

  @PersistenceCreator
  CounselingCase(
      UUID id,
      Long version,
      UUID centerId,
      String regionPath,
      CaseStage stage,
      CaseStatus status,
      CaseSource source,
      UUID applicationId,
      List<String> issueCategories,
      Risk risk,
      String jointApprovedBy,
      Instant jointApprovedAt,
      byte[] jointApprovalCipher,
      String outcome,
      byte[] outcomeCipher,
      LocalDate closedOn,
      String closedBy,
      String legalOutcome,
      LocalDate legalOutcomeOn,
      String openedBy,
      LocalDate openedOn,
      Instant createdAt,
      String updatedBy,
      Instant updatedAt,
      Map<String, StoredCaseParty> parties,
      List<StoredRelative> relatives) {
    this.id = id;
    this.version = version;
    this.centerId = centerId;
    this.regionPath = regionPath;
    this.stage = stage;
    this.status = status;
    this.source = source;
    this.applicationId = applicationId;
    this.issueCategories = issueCategories == null ? new ArrayList<>() : issueCategories;
    this.risk = risk == null ? Risk.UNSCREENED : risk;
    this.jointApprovedBy = jointApprovedBy;
    this.jointApprovedAt = jointApprovedAt;
    this.jointApprovalCipher = jointApprovalCipher;
    this.outcome = outcome;
    this.outcomeCipher = outcomeCipher;
    this.closedOn = closedOn;
    this.closedBy = closedBy;
    this.legalOutcome = legalOutcome;
    this.legalOutcomeOn = legalOutcomeOn;
    this.openedBy = openedBy;
    this.openedOn = openedOn;
    this.createdAt = createdAt;
    this.updatedBy = updatedBy;
    this.updatedAt = updatedAt;
    this.parties = parties == null ? new LinkedHashMap<>() : parties;
    this.relatives = relatives == null ? new ArrayList<>() : relatives;
  }

  /**
   * Opens a case at a center (whose region path the caller found the actor may open cases at):
   * every problem of the command at once, or a new case in status OPEN.
   */
  static CounselingCase open(
      OpenCase c,
      String centerRegionPath,
      String by,
      LocalDate today,
      Set<String> activeCategories,
      PersonalDataProtector protector) {
    List<FieldProblem> problems = new ArrayList<>();
    if (c.centerId() == null) {
      problems.add(problem("centerId", "case.center.required"));
    }
    if (c.stage() == null) {
      problems.add(problem("stage", "case.stage.required"));
    }
    if (c.source() == null) {
      problems.add(problem("source", "case.source.required"));
    } else if (c.source() == CaseSource.REGISTRATION_REFERRAL && c.applicationId() == null) {
      problems.add(problem("source", "case.source.referralNeedsApplication"));
    }
    problems.addAll(checkCategories(c.issueCategories(), activeCategories));
    problems.addAll(checkParties(c.parties(), today));
    problems.addAll(checkRelatives(c.relatedPersons(), today));
    if (!problems.isEmpty()) {
      throw new DomainException(problems);
    }
    Map<String, StoredCaseParty> sealed = new LinkedHashMap<>();
    c.parties().stream()
        .sorted(java.util.Comparator.comparing(CaseParty::role))
        .forEach(p -> sealed.put(p.role().name(), seal(p, protector)));
    return new CounselingCase(
        UUID.randomUUID(),
        null,
        c.centerId(),
        centerRegionPath,
        c.stage(),
        CaseStatus.OPEN,
        c.source(),
        c.applicationId(),
        new ArrayList<>(c.issueCategories()),
        Risk.UNSCREENED,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        by,
        today,
        null,
        by,
        null,
        sealed,
        relatives(c.relatedPersons()));
  }

  /** Changes the stage, the issue categories and the related persons of a case not closed. */
  void edit(EditCase c, String by, LocalDate today, Set<String> activeCategories) {
    requireOpen();
    List<FieldProblem> problems = new ArrayList<>();
    if (c.stage() == null) {
      problems.add(problem("stage", "case.stage.required"));
    }
    // A category since retired from the dictionary may stay on a case that already had it.
    Set<String> allowed = new HashSet<>(activeCategories);
    allowed.addAll(issueCategories);
    problems.addAll(checkCategories(c.issueCategories(), allowed));
    problems.addAll(checkRelatives(c.relatedPersons(), today));
    if (!problems.isEmpty()) {
      throw new DomainException(problems);
    }
    this.stage = c.stage();
    this.issueCategories = new ArrayList<>(c.issueCategories());
    this.relatives = relatives(c.relatedPersons());
    this.updatedBy = by;
  }

  /** A screening found {@code found}: the case keeps the highest risk any screening found. */
  void raiseRisk(Risk found, String by) {
    Risk raised = risk.atLeast(found);
    if (raised != risk) {
      risk = raised;
      updatedBy = by;
    }
  }

  /**
   * A center manager approves joint sessions for an ELEVATED case, saying why; a HIGH case can
   * never have them, an unscreened or LOW case needs no approval.
   */
  void approveJointSessions(String by, Instant at, byte[] reasonCipher) {
    requireOpen();
    if (risk != Risk.ELEVATED) {
      throw DomainException.of(null, "case.approval.onlyElevated");
    }
    this.jointApprovedBy = by;
    this.jointApprovedAt = at;
    this.jointApprovalCipher = reasonCipher;
    this.updatedBy = by;
  }

  /** The first session held makes an open case active. */
  void markActive(String by) {
    if (status == CaseStatus.OPEN) {
      status = CaseStatus.ACTIVE;
      updatedBy = by;
    }
  }

  /**
   * Closes the case with the counselor's outcome on a day not in the future and not before it
   * opened. An amicable divorce records its arrangements for children and property (sealed); a
   * HIGH-risk case is never closed as reconciled.
   */
  void close(
      String outcomeCode,
      String arrangements,
      LocalDate on,
      LocalDate today,
      String by,
      PersonalDataProtector protector) {
    requireOpen();
    List<FieldProblem> problems = new ArrayList<>();
    if (outcomeCode == null
        || !List.of("RECONCILED", "AMICABLE_DIVORCE", "REFERRED", "LOST_CONTACT", "OTHER")
            .contains(outcomeCode)) {
      problems.add(problem("outcome", "case.outcome.required"));
    } else if ("RECONCILED".equals(outcomeCode) && risk == Risk.HIGH) {
      problems.add(problem("outcome", "case.outcome.highRiskNotReconciled"));
    }
    String text = arrangements == null ? "" : arrangements.strip();
    if ("AMICABLE_DIVORCE".equals(outcomeCode) && text.isEmpty()) {
      problems.add(problem("arrangements", "case.outcome.arrangementsRequired"));
    } else if (text.length() > TEXT_MAX) {
      problems.add(new FieldProblem("arrangements", "case.text.size", new Object[] {TEXT_MAX}));
    } else if (ControlCharacters.present(text)) {
      problems.add(problem("arrangements", "error.controlCharacter"));
    }
    if (on == null) {
      problems.add(problem("closedOn", "case.closedOn.required"));
    } else if (on.isAfter(today)) {
      problems.add(new FieldProblem("closedOn", "date.future", new Object[] {today}));
    } else if (on.isBefore(openedOn)) {
      problems.add(problem("closedOn", "case.closedOn.beforeOpened"));
    }
    if (!problems.isEmpty()) {
      throw new DomainException(problems);
    }
    this.outcome = outcomeCode;
    this.outcomeCipher = text.isEmpty() ? null : protector.encrypt(text);
    this.closedOn = on;
    this.closedBy = by;
    this.status = CaseStatus.CLOSED;
    this.updatedBy = by;
  }

  /** The application's legal outcome, heard from registration; the latest word counts. */
  void recordLegalOutcome(String kind, LocalDate on) {
    this.legalOutcome = kind;
    this.legalOutcomeOn = on;
  }

  private void requireOpen() {
    if (status == CaseStatus.CLOSED) {
      throw DomainException.of(null, "case.closed");
    }
  }

  static List<FieldProblem> checkCategories(List<String> codes, Set<String> allowed) {
    List<FieldProblem> problems = new ArrayList<>();
    if (codes.size() > CATEGORIES_MAX) {
      problems.add(
          new FieldProblem(
              "issueCategories", "case.categories.tooMany", new Object[] {CATEGORIES_MAX}));
    }
    if (new HashSet<>(codes).size() != codes.size()) {
      problems.add(problem("issueCategories", "case.categories.repeated"));
    }
    for (String code : codes) {
      if (code == null || !allowed.contains(code)) {
        problems.add(problem("issueCategories", "case.categories.unknown"));
        break;
      }
    }
    return problems;
  }

  static List<FieldProblem> checkParties(List<CaseParty> parties, LocalDate today) {
    List<FieldProblem> problems = new ArrayList<>();
    if (parties.isEmpty()) {
      problems.add(problem("parties", "case.parties.required"));
      return problems;
    }
    if (parties.size() > 2) {
      problems.add(problem("parties", "case.parties.tooMany"));
      return problems;
    }
    Map<PartyRole, CaseParty> byRole = new EnumMap<>(PartyRole.class);
    for (int i = 0; i < parties.size(); i++) {
      CaseParty p = parties.get(i);
      PartyRole role = p.role() == null ? PartyRole.values()[i] : p.role();
      String prefix = "party" + role.name() + ".";
      if (byRole.put(role, p) != null) {
        problems.add(problem("parties", "case.parties.sameRole"));
        continue;
      }
      nameProblem(prefix + "name", p.name()).ifPresent(problems::add);
      if (p.idNumber() != null) {
        problems.addAll(
            PersonCheck.identity(prefix, p.gender(), p.birthDate(), p.idNumber(), today));
      } else {
        if (p.gender() == null) {
          problems.add(problem(prefix + "gender", "person.gender.required"));
        }
        if (p.birthDate() == null) {
          problems.add(problem(prefix + "birthDate", "person.birthDate.required"));
        } else {
          PlausibleDates.past(prefix + "birthDate", p.birthDate(), today, "person.birthDate.future")
              .ifPresent(problems::add);
        }
      }
      PhoneNumber.check(p.phone(), false)
          .ifPresent(pr -> problems.add(problem(prefix + "phone", pr.messageKey())));
    }
    CaseParty a = byRole.get(PartyRole.A);
    CaseParty b = byRole.get(PartyRole.B);
    if (a != null
        && b != null
        && a.idNumber() != null
        && a.idNumber().equalsIgnoreCase(b.idNumber() == null ? "" : b.idNumber())) {
      problems.add(problem("partyB.idNumber", "case.parties.samePerson"));
    }
    return problems;
  }

  /** A party's name: given, at most {@link #NAME_MAX} characters, no control characters. */
  private static java.util.Optional<FieldProblem> nameProblem(String field, String name) {
    if (name == null || name.isEmpty()) {
      return java.util.Optional.of(problem(field, "case.party.name.required"));
    } else if (name.length() > NAME_MAX) {
      return java.util.Optional.of(
          new FieldProblem(field, "case.name.size", new Object[] {NAME_MAX}));
    } else if (ControlCharacters.present(name)) {
      return java.util.Optional.of(problem(field, "error.controlCharacter"));
    }
    return java.util.Optional.empty();
  }

  /**
   * The details of a party that a person's request may correct here: the name and the phone; the
   * gender and birth date only without an identity number, for with one they follow it.
   */
  static List<PersonField> correctable(boolean hasIdNumber) {
    return hasIdNumber
        ? List.of(PersonField.NAME, PersonField.PHONE)
        : List.of(PersonField.NAME, PersonField.PHONE, PersonField.GENDER, PersonField.BIRTH_DATE);
  }

  /**
   * Corrects one detail of a party on the person's request (PIPL art. 46), whether or not the case
   * is closed: the name by the rules of a new party; the phone sealed again with its keyed hash and
   * mask; gender and birth date only where no identity number decides them.
   */
  void correctParty(
      PartyRole role,
      PersonField field,
      String value,
      String by,
      LocalDate today,
      PersonalDataProtector protector) {
    StoredCaseParty p = parties.get(role.name());
    if (p == null) {
      throw new org.huhang.shared.NotFoundException("party");
    }
    if (!correctable(p.idNumberHash() != null).contains(field)) {
      throw DomainException.of(field.code(), "case.rights.correct.followsIdNumber");
    }
    StoredCaseParty corrected =
        switch (field) {
          case NAME -> {
            String name = value == null ? null : value.strip();
            var problem = nameProblem(field.code(), name);
            if (problem.isPresent()) {
              throw new DomainException(List.of(problem.get()));
            }
            yield p.withName(name);
          }
          case PHONE -> {
            PhoneNumber phone = Corrections.phone(value);
            yield p.withPhone(
                protector.encrypt(phone.value()),
                protector.lookupHash(phone.value()),
                phone.masked());
          }
          case GENDER -> p.withGender(Corrections.gender(value));
          case BIRTH_DATE -> p.withBirthDate(Corrections.birthDate(value, today));
        };
    Map<String, StoredCaseParty> changed = new LinkedHashMap<>(parties);
    changed.put(role.name(), corrected);
    parties = changed;
    updatedBy = by;
  }

  static List<FieldProblem> checkRelatives(List<RelatedPerson> relatives, LocalDate today) {
    List<FieldProblem> problems = new ArrayList<>();
    if (relatives.size() > RELATIVES_MAX) {
      problems.add(
          new FieldProblem(
              "relatedPersons", "case.relatives.tooMany", new Object[] {RELATIVES_MAX}));
      return problems;
    }
    for (int i = 0; i < relatives.size(); i++) {
      RelatedPerson r = relatives.get(i);
      String prefix = "relatedPersons[" + i + "].";
      if (r.relation() == null) {
        problems.add(problem(prefix + "relation", "case.relative.relation.required"));
      }
      if (r.name().length() > NAME_MAX) {
        problems.add(new FieldProblem(prefix + "name", "case.name.size", new Object[] {NAME_MAX}));
      } else if (ControlCharacters.present(r.name())) {
        problems.add(problem(prefix + "name", "error.controlCharacter"));
      }
      if (r.birthDate() != null) {
        PlausibleDates.past(prefix + "birthDate", r.birthDate(), today, "person.birthDate.future")
            .ifPresent(problems::add);
      }
    }
    return problems;
  }

  private static List<StoredRelative> relatives(List<RelatedPerson> input) {
    List<StoredRelative> out = new ArrayList<>();
    for (RelatedPerson r : input) {
      out.add(new StoredRelative(r.relation(), r.name(), r.birthDate()));
    }
    return out;
  }

  private static StoredCaseParty seal(CaseParty p, PersonalDataProtector protector) {
    String idNumber = p.idNumber() == null ? null : p.idNumber().toUpperCase(Locale.ROOT);
    String phone =
        p.phone() == null
            ? null
            : PhoneNumber.parse(p.phone()).map(PhoneNumber::value).orElseThrow();
    return new StoredCaseParty(
        p.name(),
        p.gender(),
        p.birthDate(),
        idNumber == null ? null : protector.encrypt(idNumber),
        idNumber == null ? null : protector.lookupHash(idNumber),
        idNumber == null ? null : Masking.idNumber(idNumber),
        phone == null ? null : protector.encrypt(phone),
        phone == null ? null : protector.lookupHash(phone),
        phone == null ? null : Masking.phone(phone));
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

  /** New until first saved: the version is set by the insert. */
  @Override
  public boolean isNew() {
    return version == null;
  }

  UUID id() {
    return id;
  }

  long version() {
    return version == null ? 0 : version;
  }

  UUID centerId() {
    return centerId;
  }

  String regionPath() {
    return regionPath;
  }

  CaseStage stage() {
    return stage;
  }

  CaseStatus status() {
    return status;
  }

  CaseSource source() {
    return source;
  }

  UUID applicationId() {
    return applicationId;
  }

  List<String> issueCategories() {
    return List.copyOf(issueCategories);
  }

  Risk risk() {
    return risk;
  }

  boolean jointApproved() {
    return jointApprovedAt != null;
  }

  String jointApprovedBy() {
    return jointApprovedBy;
  }

  Instant jointApprovedAt() {
    return jointApprovedAt;
  }

  byte[] jointApprovalCipher() {
    return jointApprovalCipher;
  }

  String outcome() {
    return outcome;
  }

  byte[] outcomeCipher() {
    return outcomeCipher;
  }

  LocalDate closedOn() {
    return closedOn;
  }

  String closedBy() {
    return closedBy;
  }

  String legalOutcome() {
    return legalOutcome;
  }

  LocalDate legalOutcomeOn() {
    return legalOutcomeOn;
  }

  String openedBy() {
    return openedBy;
  }

  LocalDate openedOn() {
    return openedOn;
  }

  Map<PartyRole, StoredCaseParty> parties() {
    Map<PartyRole, StoredCaseParty> out = new EnumMap<>(PartyRole.class);
    parties.forEach((k, v) -> out.put(PartyRole.valueOf(k), v));
    return out;
  }

  List<StoredRelative> relatives() {
    return List.copyOf(relatives);
  }
}
