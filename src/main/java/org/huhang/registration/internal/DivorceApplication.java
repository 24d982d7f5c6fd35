package org.huhang.registration.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.huhang.registration.ApplicationDecided;
import org.huhang.registration.ApplicationId;
import org.huhang.registration.CoolingOffDates;
import org.huhang.registration.CounselingRequested;
import org.huhang.registration.Outcome;
import org.huhang.registration.Party;
import org.huhang.registration.RecordApplication;
import org.huhang.registration.Regime;
import org.huhang.shared.Actor;
import org.huhang.shared.DomainException;
import org.huhang.shared.DomainException.FieldProblem;
import org.huhang.shared.PlausibleDates;
import org.huhang.shared.Stamped;
import org.huhang.shared.person.Masking;
import org.huhang.shared.person.PersonCheck;
import org.huhang.shared.person.PersonalDataProtector;
import org.huhang.shared.person.PhoneNumber;
import org.huhang.shared.text.ChineseNames;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.domain.Persistable;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A divorce registration application and the moves the law allows: {@link #withdraw} up to the
 * withdrawal deadline (one party alone may withdraw), {@link #issueCertificate} inside the
 * certificate window, {@link #deemWithdrawn} only after the certificate deadline. A move outside
 * its window is refused with the deadline in the message; a move that a provisional deadline cannot
 * yet decide is refused until the holiday notice is entered. Accepting counseling registers {@link
 * CounselingRequested}, published when the new application is saved.
 */
@Table(schema = "registration", name = "divorce_application")
class DivorceApplication extends AbstractAggregateRoot<DivorceApplication>
    implements Stamped, Persistable<UUID> {

  private static final List<String> WITHDRAWING_PARTIES = List.of("A", "B", "BOTH");

  @Id private final UUID id;

  /** Null until first saved; a concurrent second move on the same version changes nothing. */
  @Version private Long version;

  private final String officeRegionCode;
  private final String regionPath;

  @Embedded.Empty(prefix = "a_")
  private StoredParty partyA;

  @Embedded.Empty(prefix = "b_")
  private StoredParty partyB;

  /** Keyed hash of both identity numbers, whichever party came first: finds the same couple. */
  private final byte[] pairHash;

  private final LocalDate marriageDate;
  private final int minorChildren;
  private boolean counselingOffered;
  private boolean counselingAccepted;
  private boolean caseOpened;

  /** Decided by the received date ({@link Regime#of}); before 2021 the dates hold no deadline. */
  private final Regime regime;

  @Embedded.Empty private CoolingOffDates dates;

  private Outcome outcome;
  private LocalDate outcomeOn;
  private String withdrawnBy;
  private final String createdBy;

  /** Every key of both parties' names (characters, pinyin, initials): the list's name search. */
  private List<String> searchKeys = List.of();

  private Instant createdAt;
  private Instant updatedAt;

  @PersistenceCreator
  DivorceApplication(
      UUID id,
      Long version,
      String officeRegionCode,
      String regionPath,
      StoredParty partyA,
      StoredParty partyB,
      byte[] pairHash,
      LocalDate marriageDate,
      int minorChildren,
      boolean counselingOffered,
      boolean counselingAccepted,
      boolean caseOpened,
      Regime regime,
      CoolingOffDates dates,
      Outcome outcome,
      LocalDate outcomeOn,
      String withdrawnBy,
      String createdBy,
      Instant createdAt,
      Instant updatedAt) {
    this.id = id;
    this.version = version;
    this.officeRegionCode = officeRegionCode;
    this.regionPath = regionPath;
    this.partyA = partyA;
    this.partyB = partyB;
    this.pairHash = pairHash;
    this.marriageDate = marriageDate;
    this.minorChildren = minorChildren;
    this.counselingOffered = counselingOffered;
    this.counselingAccepted = counselingAccepted;
    this.caseOpened = caseOpened;
    this.regime = regime;
    this.dates = dates;
    this.outcome = outcome;
    this.outcomeOn = outcomeOn;
    this.withdrawnBy = withdrawnBy;
    this.createdBy = createdBy;
    this.createdAt = createdAt;
    this.updatedAt = updatedAt;
  }

  /**
   * A registrar records an application received by the office: the rules of {@link #check}, the
   * parties' numbers sealed, the dates from the clock (provisional where need be). One received
   * before 2021 has no dates, asks no calendar, and is recorded with the outcome it had on the
   * spot. An application recorded with its outcome already reached (the history a registration
   * system exports) is history: it publishes nothing, no counseling request, no decision.
   */
  static DivorceApplication record(
      RecordApplication c,
      Actor registrar,
      LocalDate today,
      CoolingOffClock clock,
      PersonalDataProtector protector) {
    List<FieldProblem> problems = check(c, today);
    if (!problems.isEmpty()) {
      throw new DomainException(problems);
    }
    String a = c.partyA().idNumber().toUpperCase(Locale.ROOT);
    String b = c.partyB().idNumber().toUpperCase(Locale.ROOT);
    String pair = a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
    Regime regime = Regime.of(c.receivedOn());
    boolean coolingOff = regime.coolingOff();
    DivorceApplication application =
        new DivorceApplication(
            UUID.randomUUID(),
            null,
            registrar.regionCode(),
            registrar.regionPath(),
            seal(c.partyA(), protector),
            seal(c.partyB(), protector),
            protector.lookupHash(pair),
            c.marriageDate(),
            c.minorChildren(),
            c.counselingOffered(),
            c.counselingAccepted(),
            false,
            regime,
            coolingOff
                ? clock.compute(c.receivedOn())
                : new CoolingOffDates(c.receivedOn(), null, null, null, null, false, false),
            coolingOff ? Outcome.PENDING : c.outcome(),
            coolingOff ? null : c.outcomeOn(),
            null,
            registrar.username(),
            null,
            null);
    application.searchKeys = searchKeys(c.partyA().name(), c.partyB().name());
    boolean decided = c.outcome() != null && c.outcome() != Outcome.PENDING;
    if (coolingOff && decided) {
      switch (c.outcome()) {
        case WITHDRAWN -> application.withdraw(c.outcomeOn(), null, today);
        case DIVORCED -> application.issueCertificate(c.outcomeOn(), today);
        case DEEMED_WITHDRAWN -> application.deemWithdrawnOn(c.outcomeOn(), today);
        default -> throw new IllegalStateException("checked: " + c.outcome());
      }
      application.clearDomainEvents();
    }
    if (coolingOff && !decided && c.counselingAccepted()) {
      application.registerEvent(
          new CounselingRequested(
              application.applicationId(),
              application.regionPath,
              c.receivedOn(),
              application.dates.withdrawalDeadline()));
    }
    return application;
  }

  /** The rules of a new application, as form, API and import apply them. */
  static List<FieldProblem> check(RecordApplication c, LocalDate today) {
    List<FieldProblem> problems = new ArrayList<>();
    if (c.receivedOn() == null) {
      problems.add(problem("receivedOn", "application.receivedOn.required"));
    } else if (c.receivedOn().isAfter(today)) {
      problems.add(problem("receivedOn", "application.receivedOn.future"));
    }
    checkOutcome(c, today, problems);
    checkParty("partyA", c.partyA(), today, problems);
    checkParty("partyB", c.partyB(), today, problems);
    if (c.partyA() != null
        && c.partyB() != null
        && c.partyA().idNumber() != null
        && c.partyA()
            .idNumber()
            .equalsIgnoreCase(c.partyB().idNumber() == null ? "" : c.partyB().idNumber())) {
      problems.add(problem("partyB.idNumber", "application.sameParty"));
    }
    if (c.marriageDate() == null) {
      problems.add(problem("marriageDate", "application.marriageDate.required"));
    } else if (c.receivedOn() != null && c.marriageDate().isAfter(c.receivedOn())) {
      problems.add(problem("marriageDate", "application.marriageDate.afterReceipt"));
    } else {
      // Married after 1900, not after today, and after both parties were born.
      LocalDate laterBirth = null;
      for (Party p : new Party[] {c.partyA(), c.partyB()}) {
        if (p != null
            && p.birthDate() != null
            && (laterBirth == null || p.birthDate().isAfter(laterBirth))) {
          laterBirth = p.birthDate();
        }
      }
      PlausibleDates.pastSinceBirth(
              "marriageDate", c.marriageDate(), today, "date.future", laterBirth)
          .ifPresent(problems::add);
    }
    if (c.minorChildren() == null || c.minorChildren() < 0 || c.minorChildren() > 20) {
      problems.add(problem("minorChildren", "application.minorChildren.range"));
    }
    if (c.counselingAccepted() && !c.counselingOffered()) {
      problems.add(problem("counselingAccepted", "application.counseling.acceptedWithoutOffer"));
    }
    return problems;
  }

  /**
   * The outcome an application is recorded with: before 2021 it is required and is 准予登记 or 取消或暂缓 on
   * a day from receipt to today; from 2021 none (pending) or, for the history, a cooling-off
   * outcome whose day the moves check against the deadlines.
   */
  private static void checkOutcome(RecordApplication c, LocalDate today, List<FieldProblem> out) {
    if (c.receivedOn() == null || c.receivedOn().isAfter(today)) {
      return;
    }
    Regime regime = Regime.of(c.receivedOn());
    Outcome outcome = c.outcome();
    if (regime == Regime.PRE_CIVIL_CODE) {
      if (outcome == null) {
        out.add(problem("outcome", "application.outcome.preCivilCode.required"));
      } else if (!regime.allows(outcome)) {
        out.add(problem("outcome", "application.outcome.preCivilCode.only"));
      }
      if (c.outcomeOn() == null) {
        out.add(problem("outcomeOn", "application.outcomeOn.required"));
      } else if (c.outcomeOn().isBefore(c.receivedOn())) {
        out.add(problem("outcomeOn", "application.outcomeOn.beforeReceipt"));
      } else {
        PlausibleDates.past("outcomeOn", c.outcomeOn(), today).ifPresent(out::add);
      }
      return;
    }
    if (outcome != null && !regime.allows(outcome)) {
      out.add(problem("outcome", "application.outcome.coolingOff.only"));
    } else if (outcome == null || outcome == Outcome.PENDING) {
      if (c.outcomeOn() != null) {
        out.add(problem("outcomeOn", "application.outcomeOn.withoutOutcome"));
      }
    } else if (c.outcomeOn() == null) {
      out.add(problem("outcomeOn", "application.outcomeOn.required"));
    }
  }

  private static void checkParty(
      String field, Party p, LocalDate today, List<FieldProblem> problems) {
    if (p == null) {
      problems.add(problem(field + ".name", "application.party.required"));
      return;
    }
    if (p.name() == null || p.name().isBlank() || p.name().length() > 50) {
      problems.add(problem(field + ".name", "application.party.name"));
    }
    problems.addAll(
        PersonCheck.identity(field + ".", p.gender(), p.birthDate(), p.idNumber(), today));
    PhoneNumber.check(p.phone(), false)
        .ifPresent(pr -> problems.add(problem(field + ".phone", pr.messageKey())));
  }

  private static FieldProblem problem(String field, String key) {
    return new FieldProblem(field, key, new Object[0]);
  }

  private static StoredParty seal(Party p, PersonalDataProtector protector) {
    String id = p.idNumber().toUpperCase(Locale.ROOT);
    String phone =
        p.phone() == null
            ? null
            : PhoneNumber.parse(p.phone()).map(PhoneNumber::value).orElseThrow();
    return new StoredParty(
        p.name(),
        p.gender(),
        p.birthDate(),
        protector.encrypt(id),
        Masking.idNumber(id),
        phone == null ? null : protector.encrypt(phone),
        phone == null ? null : Masking.phone(phone),
        protector.lookupHash(id),
        phone == null ? null : protector.lookupHash(phone));
  }

  /** The search keys of a couple's names, both parties in one list. */
  static List<String> searchKeys(String nameA, String nameB) {
    java.util.Set<String> keys = new java.util.LinkedHashSet<>(ChineseNames.searchKeys(nameA));
    keys.addAll(ChineseNames.searchKeys(nameB));
    return List.copyOf(keys);
  }

  /**
   * A party's phone corrected on its request (PIPL art. 46), sealed again with its keyed hash and
   * mask. The phone is how the office reaches the party, not a detail of the registration: the
   * name, gender, birth date and identity number are the registration's, corrected only by the
   * registration office from the documents.
   */
  void correctPhone(boolean sideA, PhoneNumber phone, PersonalDataProtector protector) {
    StoredParty p = sideA ? partyA : partyB;
    StoredParty corrected =
        new StoredParty(
            p.name(),
            p.gender(),
            p.birthDate(),
            p.idCipher(),
            p.idMasked(),
            protector.encrypt(phone.value()),
            phone.masked(),
            p.idHash(),
            protector.lookupHash(phone.value()));
    if (sideA) {
      partyA = corrected;
    } else {
      partyB = corrected;
    }
  }

  /**
   * A party withdraws on or before the withdrawal deadline: {@code by} is "A", "B" or "BOTH" (one
   * party alone may withdraw); none given means both.
   */
  void withdraw(LocalDate on, String by, LocalDate today) {
    String party = by == null ? "BOTH" : by.toUpperCase(Locale.ROOT);
    if (!WITHDRAWING_PARTIES.contains(party)) {
      throw DomainException.of("by", "application.withdrawnBy.invalid");
    }
    requireCoolingOff();
    requireDay(on);
    requirePending();
    if (on.isBefore(dates.receivedOn())) {
      throw DomainException.of("on", "application.beforeReceipt", dates.receivedOn().toString());
    }
    if (on.isAfter(dates.withdrawalDeadline())) {
      // A provisional deadline can only move later: a date after it may still be in time.
      throw DomainException.of(
          "on",
          dates.withdrawalProvisional()
              ? "application.withdraw.provisional"
              : "application.withdraw.late",
          dates.withdrawalDeadline().toString());
    }
    requirePlausible(on, today);
    close(Outcome.WITHDRAWN, on, party);
  }

  /** Both parties came in person inside the certificate window: the certificate is issued. */
  void issueCertificate(LocalDate on, LocalDate today) {
    requireCoolingOff();
    requireDay(on);
    requirePending();
    if (dates.withdrawalProvisional()) {
      throw DomainException.of(
          "on", "application.certificate.provisionalStart", dates.certificateFrom().toString());
    }
    if (on.isBefore(dates.certificateFrom())) {
      throw DomainException.of(
          "on", "application.certificate.early", dates.certificateFrom().toString());
    }
    if (on.isAfter(dates.certificateDeadline())) {
      throw DomainException.of(
          "on",
          dates.certificateProvisional()
              ? "application.certificate.provisionalEnd"
              : "application.certificate.late",
          dates.certificateDeadline().toString());
    }
    requirePlausible(on, today);
    close(Outcome.DIVORCED, on, null);
  }

  /** Nobody applied for the certificate by its (exact) deadline: deemed withdrawn the day after. */
  void deemWithdrawn(LocalDate today) {
    requireCoolingOff();
    requirePending();
    if (dates.certificateProvisional() || today.isBefore(dates.deemedWithdrawnOn())) {
      throw DomainException.of(
          "on", "application.deem.early", dates.certificateDeadline().toString());
    }
    close(Outcome.DEEMED_WITHDRAWN, dates.deemedWithdrawnOn(), null);
  }

  /**
   * The history says the application was deemed withdrawn on {@code on}: only the day the law
   * counts, once it has come.
   */
  void deemWithdrawnOn(LocalDate on, LocalDate today) {
    requireCoolingOff();
    requireDay(on);
    if (!dates.certificateProvisional() && !on.equals(dates.deemedWithdrawnOn())) {
      throw DomainException.of("on", "application.deem.day", dates.deemedWithdrawnOn().toString());
    }
    deemWithdrawn(today);
  }

  /**
   * Counts the dates again on a corrected calendar, while they can still matter: the application is
   * open, or a date is provisional. Answers the dates replaced; empty when nothing moved.
   */
  Optional<CoolingOffDates> reschedule(CoolingOffClock clock) {
    if (!regime.coolingOff() || (outcome != Outcome.PENDING && !dates.provisional())) {
      return Optional.empty();
    }
    CoolingOffDates fresh = clock.compute(dates.receivedOn());
    if (fresh.equals(dates)) {
      return Optional.empty();
    }
    CoolingOffDates old = dates;
    dates = fresh;
    return Optional.of(old);
  }

  /**
   * The registrar offers counseling after the application was recorded, or records that the couple
   * accepted it, until the outcome. Accepting sends the couple to casework's referral queue ({@link
   * CounselingRequested}); an acceptance is final (its case may be open already). Returns whether
   * anything changed.
   */
  boolean recordCounseling(boolean accepted) {
    if (outcome != Outcome.PENDING) {
      throw DomainException.of(null, "application.closed");
    }
    if (counselingAccepted) {
      throw DomainException.of(null, "application.counseling.alreadyAccepted");
    }
    boolean changed = !counselingOffered || accepted;
    counselingOffered = true;
    if (accepted) {
      counselingAccepted = true;
      registerEvent(
          new CounselingRequested(
              applicationId(), regionPath, dates.receivedOn(), dates.withdrawalDeadline()));
    }
    return changed;
  }

  /**
   * The counseling the couple accepted has its case. Answers false when it was marked already (the
   * answer came twice); refused for an application whose couple did not accept counseling.
   */
  boolean caseOpened() {
    if (!counselingAccepted) {
      throw DomainException.of(null, "application.counseling.notAccepted");
    }
    if (caseOpened) {
      return false;
    }
    caseOpened = true;
    return true;
  }

  /** Stamps the time of a save: creation once, the last change every time. */
  @Override
  public void stamp(Instant now) {
    if (createdAt == null) {
      createdAt = now;
    }
    updatedAt = now;
  }

  private void close(Outcome next, LocalDate on, String by) {
    outcome = next;
    outcomeOn = on;
    withdrawnBy = by;
    registerEvent(new ApplicationDecided(applicationId(), next, on));
  }

  private static void requireDay(LocalDate on) {
    if (on == null) {
      throw DomainException.of("on", "application.on.required");
    }
  }

  /**
   * The day of an outcome is a day that has come, as every recorded day (not before 1900, not after
   * today): asked after the deadlines, whose words say more about a day too late.
   */
  private static void requirePlausible(LocalDate on, LocalDate today) {
    PlausibleDates.past("on", on, today)
        .ifPresent(
            p -> {
              throw new DomainException(List.of(p));
            });
  }

  /** Before 2021 there was no cooling-off period: none of its moves applies. */
  private void requireCoolingOff() {
    if (!regime.coolingOff()) {
      throw DomainException.of("on", "application.regime.noCoolingOff");
    }
  }

  private void requirePending() {
    if (outcome != Outcome.PENDING) {
      throw DomainException.of("on", "application.closed");
    }
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

  /** The events registered and not yet published by a save. */
  List<Object> registeredEvents() {
    return List.copyOf(domainEvents());
  }

  ApplicationId applicationId() {
    return new ApplicationId(id);
  }

  String regionPath() {
    return regionPath;
  }

  byte[] pairHash() {
    return pairHash.clone();
  }

  LocalDate receivedOn() {
    return dates.receivedOn();
  }

  Regime regime() {
    return regime;
  }

  String officeRegionCode() {
    return officeRegionCode;
  }

  String createdBy() {
    return createdBy;
  }

  List<String> searchKeys() {
    return searchKeys;
  }

  Instant createdAt() {
    return createdAt;
  }

  CoolingOffDates dates() {
    return dates;
  }

  Outcome outcome() {
    return outcome;
  }

  LocalDate outcomeOn() {
    return outcomeOn;
  }

  String withdrawnBy() {
    return withdrawnBy;
  }

  boolean isCaseOpened() {
    return caseOpened;
  }

  LocalDate marriageDate() {
    return marriageDate;
  }

  int minorChildren() {
    return minorChildren;
  }

  boolean counselingOffered() {
    return counselingOffered;
  }

  boolean counselingAccepted() {
    return counselingAccepted;
  }

  StoredParty partyA() {
    return partyA;
  }

  StoredParty partyB() {
    return partyB;
  }
}
