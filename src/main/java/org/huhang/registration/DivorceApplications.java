package org.huhang.registration;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.huhang.audit.AuditTrail;
import org.huhang.shared.Actor;
import org.huhang.shared.DomainException;
import org.huhang.shared.DomainException.FieldProblem;
import org.huhang.shared.ForbiddenException;
import org.huhang.shared.NotFoundException;
import org.huhang.shared.Paged;
import org.huhang.shared.Role;
import org.huhang.shared.person.Masking;
import org.huhang.shared.person.PersonCheck;
import org.huhang.shared.person.PersonalDataProtector;
import org.huhang.shared.person.PhoneNumber;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registration module's API: registrars record applications received by their office and their
 * outcomes; administrators and center managers follow them on the deadline board. Every date comes
 * from the {@link CoolingOffClock}.
 */
@Service
public class DivorceApplications {

  /** The cooling-off period exists since the Civil Code came into force. */
  static final LocalDate CIVIL_CODE = LocalDate.of(2021, 1, 1);

  static final long DEEM_JOB_LOCK = 1077_2021L;

  private final ApplicationRepository repository;
  private final CalendarRepository calendar;
  private final PersonalDataProtector protector;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  DivorceApplications(
      ApplicationRepository repository,
      CalendarRepository calendar,
      PersonalDataProtector protector,
      AuditTrail audit,
      ApplicationEventPublisher events,
      Clock clock) {
    this.repository = repository;
    this.calendar = calendar;
    this.protector = protector;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  /** Who follows applications: registrars, administrators and center managers. */
  public static boolean mayFollow(Actor actor) {
    return actor.is(Role.REGISTRAR)
        || actor.role().isAdministrator()
        || actor.is(Role.CENTER_MANAGER);
  }

  @Transactional
  public ApplicationView record(RecordApplication command, Actor actor) {
    requireRegistrar(actor);
    ApplicationRepository.Row row =
        prepare(command, actor, new CoolingOffClock(calendar.current()));
    if (repository.openByPair(row.pairHash()).isPresent()) {
      throw DomainException.of(null, "application.duplicate");
    }
    try {
      repository.insert(row, actor.username(), clock.instant());
    } catch (DuplicateKeyException e) {
      throw DomainException.of(null, "application.duplicate");
    }
    audit.recordWrite("application.create", "divorce-application", row.id().toString());
    if (row.counselingAccepted()) {
      events.publishEvent(
          new CounselingRequested(
              row.id(), row.regionPath(), row.receivedOn(), row.dates().withdrawalDeadline()));
    }
    return row.view();
  }

  @Transactional(readOnly = true)
  public ApplicationView get(UUID id, Actor actor) {
    return visible(id, actor).view();
  }

  @Transactional(readOnly = true)
  public Paged<ApplicationView> search(ApplicationSearch search, Actor actor) {
    int page = Paged.clampPage(search.page());
    int size = Paged.clampSize(search.size());
    if (actor.is(Role.COUNSELOR)) {
      // Counselors see the applications of their cases; casework does not assign any yet.
      return new Paged<>(List.of(), page, size, 0);
    }
    requireFollower(actor);
    ApplicationRepository.Filter f =
        new ApplicationRepository.Filter(
            actor.scope().likePattern(),
            search.outcome(),
            search.counselingAccepted(),
            search.from(),
            search.to());
    long total = repository.count(f);
    List<ApplicationView> items =
        repository.search(f, size, (long) page * size).stream()
            .map(ApplicationRepository.Row::view)
            .toList();
    return new Paged<>(items, page, size, total);
  }

  /** Open applications whose withdrawal deadline falls within the next {@code days} days. */
  @Transactional(readOnly = true)
  public List<ApplicationView> board(int days, Actor actor) {
    if (actor.is(Role.COUNSELOR)) {
      return List.of();
    }
    requireFollower(actor);
    LocalDate today = LocalDate.now(clock);
    int window = Math.max(0, Math.min(days, 60));
    return repository.board(actor.scope().likePattern(), today, today.plusDays(window)).stream()
        .map(ApplicationRepository.Row::view)
        .toList();
  }

  /** Deadlines moved by holiday notices entered within the last {@code days} days. */
  @Transactional(readOnly = true)
  public List<DeadlineMove> recentMoves(int days, Actor actor) {
    if (!mayFollow(actor)) {
      return List.of();
    }
    return repository
        .changesSince(actor.scope().likePattern(), clock.instant().minus(Duration.ofDays(days)))
        .stream()
        .map(
            c ->
                new DeadlineMove(
                    c.applicationId(),
                    c.changedAt(),
                    c.oldWithdrawal(),
                    c.newWithdrawal(),
                    c.oldCertificate(),
                    c.newCertificate()))
        .toList();
  }

  /** A party withdraws (one alone may), on or before the withdrawal deadline. */
  @Transactional
  public ApplicationView withdraw(UUID id, LocalDate on, String by, Actor actor) {
    requireRegistrar(actor);
    ApplicationRepository.Row row = visible(id, actor);
    String party = by == null ? "BOTH" : by.toUpperCase(Locale.ROOT);
    if (!List.of("A", "B", "BOTH").contains(party)) {
      throw DomainException.of("by", "application.withdrawnBy.invalid");
    }
    DivorceApplication next = row.aggregate().withdraw(requireDay(on), party);
    save(next, "application.withdraw");
    return repository.find(id).orElseThrow().view();
  }

  /** Both parties came in person inside the certificate window: the certificate is issued. */
  @Transactional
  public ApplicationView issueCertificate(UUID id, LocalDate on, Actor actor) {
    requireRegistrar(actor);
    ApplicationRepository.Row row = visible(id, actor);
    DivorceApplication next = row.aggregate().issueCertificate(requireDay(on));
    save(next, "application.certificate");
    return repository.find(id).orElseThrow().view();
  }

  /**
   * Marks every open application deemed withdrawn whose (exact) certificate deadline has passed.
   * Idempotent and safe with several instances: the first to take the database lock does it.
   */
  @Transactional
  public int deemUnclaimed(LocalDate today) {
    if (!repository.tryJobLock(DEEM_JOB_LOCK)) {
      return 0;
    }
    int marked = 0;
    for (ApplicationRepository.Row row : repository.unclaimed(today)) {
      if (repository.saveOutcome(row.aggregate().deemWithdrawn(today), clock.instant())) {
        audit.recordWrite("application.deemWithdrawn", "divorce-application", row.id().toString());
        marked++;
      }
    }
    return marked;
  }

  /**
   * Recomputes the dates of every open or provisional application on the given calendar (a year was
   * entered or corrected); returns how many changed. Each change is audited and kept for the
   * registrars' board.
   */
  @Transactional
  public int recompute(HolidayCalendar calendar, Actor actor) {
    CoolingOffClock clockOfCalendar = new CoolingOffClock(calendar);
    int changed = 0;
    for (ApplicationRepository.Row row : repository.provisionalOrPending()) {
      if (row.outcome() != Outcome.PENDING && !row.dates().provisional()) {
        continue;
      }
      CoolingOffDates fresh = clockOfCalendar.compute(row.receivedOn());
      if (!fresh.equals(row.dates())) {
        repository.saveDates(row.id(), fresh, row.dates(), clock.instant());
        audit.recordWrite(
            "application.deadlines.recomputed", "divorce-application", row.id().toString());
        changed++;
      }
    }
    return changed;
  }

  // ---- import support and internals ---------------------------------------------------------

  /** The rules of a new application, as form, API and import apply them. */
  List<FieldProblem> check(RecordApplication c) {
    List<FieldProblem> problems = new ArrayList<>();
    LocalDate today = LocalDate.now(clock);
    if (c.receivedOn() == null) {
      problems.add(
          new FieldProblem("receivedOn", "application.receivedOn.required", new Object[0]));
    } else if (c.receivedOn().isAfter(today)) {
      problems.add(new FieldProblem("receivedOn", "application.receivedOn.future", new Object[0]));
    } else if (c.receivedOn().isBefore(CIVIL_CODE)) {
      problems.add(
          new FieldProblem("receivedOn", "application.receivedOn.beforeCivilCode", new Object[0]));
    }
    checkParty("partyA", c.partyA(), today, problems);
    checkParty("partyB", c.partyB(), today, problems);
    if (c.partyA() != null
        && c.partyB() != null
        && c.partyA().idNumber() != null
        && c.partyA()
            .idNumber()
            .equalsIgnoreCase(c.partyB().idNumber() == null ? "" : c.partyB().idNumber())) {
      problems.add(new FieldProblem("partyB.idNumber", "application.sameParty", new Object[0]));
    }
    if (c.marriageDate() == null) {
      problems.add(
          new FieldProblem("marriageDate", "application.marriageDate.required", new Object[0]));
    } else if (c.receivedOn() != null && c.marriageDate().isAfter(c.receivedOn())) {
      problems.add(
          new FieldProblem("marriageDate", "application.marriageDate.afterReceipt", new Object[0]));
    }
    if (c.minorChildren() == null || c.minorChildren() < 0 || c.minorChildren() > 20) {
      problems.add(
          new FieldProblem("minorChildren", "application.minorChildren.range", new Object[0]));
    }
    if (c.counselingAccepted() && !c.counselingOffered()) {
      problems.add(
          new FieldProblem(
              "counselingAccepted", "application.counseling.acceptedWithoutOffer", new Object[0]));
    }
    return problems;
  }

  private void checkParty(String field, Party p, LocalDate today, List<FieldProblem> problems) {
    if (p == null) {
      problems.add(new FieldProblem(field + ".name", "application.party.required", new Object[0]));
      return;
    }
    if (p.name() == null || p.name().isBlank() || p.name().length() > 50) {
      problems.add(new FieldProblem(field + ".name", "application.party.name", new Object[0]));
    }
    problems.addAll(
        PersonCheck.identity(field + ".", p.gender(), p.birthDate(), p.idNumber(), today));
    PhoneNumber.check(p.phone(), false)
        .ifPresent(
            pr -> problems.add(new FieldProblem(field + ".phone", pr.messageKey(), new Object[0])));
  }

  /** Checks and seals a new application; its dates from the clock, provisional where need be. */
  ApplicationRepository.Row prepare(
      RecordApplication c, Actor actor, CoolingOffClock clockOfCalendar) {
    List<FieldProblem> problems = check(c);
    if (!problems.isEmpty()) {
      throw new DomainException(problems);
    }
    String a = c.partyA().idNumber().toUpperCase(Locale.ROOT);
    String b = c.partyB().idNumber().toUpperCase(Locale.ROOT);
    // The couple, whichever party is entered first.
    String pair = a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
    return new ApplicationRepository.Row(
        UUID.randomUUID(),
        actor.regionCode(),
        actor.regionPath(),
        c.receivedOn(),
        seal(c.partyA()),
        seal(c.partyB()),
        protector.lookupHash(pair),
        c.marriageDate(),
        c.minorChildren(),
        c.counselingOffered(),
        c.counselingAccepted(),
        false,
        clockOfCalendar.compute(c.receivedOn()),
        Outcome.PENDING,
        null,
        null);
  }

  private ApplicationRepository.StoredParty seal(Party p) {
    String id = p.idNumber().toUpperCase(Locale.ROOT);
    String phone =
        p.phone() == null
            ? null
            : PhoneNumber.parse(p.phone()).map(PhoneNumber::value).orElseThrow();
    return new ApplicationRepository.StoredParty(
        p.name(),
        p.gender(),
        p.birthDate(),
        protector.encrypt(id),
        Masking.idNumber(id),
        phone == null ? null : protector.encrypt(phone),
        phone == null ? null : Masking.phone(phone));
  }

  boolean alreadyRecorded(ApplicationRepository.Row row) {
    return repository.exists(row.pairHash(), row.receivedOn());
  }

  boolean openElsewhere(ApplicationRepository.Row row) {
    return repository.openByPair(row.pairHash()).isPresent();
  }

  void insertImported(List<ApplicationRepository.Row> rows, Actor actor) {
    for (ApplicationRepository.Row row : rows) {
      repository.insert(row, actor.username(), clock.instant());
      if (row.counselingAccepted()) {
        events.publishEvent(
            new CounselingRequested(
                row.id(), row.regionPath(), row.receivedOn(), row.dates().withdrawalDeadline()));
      }
    }
    audit.recordWrite("application.import", "divorce-application", rows.size() + " rows");
  }

  private void save(DivorceApplication next, String action) {
    if (!repository.saveOutcome(next, clock.instant())) {
      throw DomainException.of("on", "application.closed");
    }
    audit.recordWrite(action, "divorce-application", next.id().toString());
  }

  private static LocalDate requireDay(LocalDate on) {
    if (on == null) {
      throw DomainException.of("on", "application.on.required");
    }
    return on;
  }

  private ApplicationRepository.Row visible(UUID id, Actor actor) {
    if (actor.is(Role.COUNSELOR)) {
      throw new NotFoundException("application");
    }
    requireFollower(actor);
    return repository
        .find(id)
        .filter(r -> actor.scope().covers(r.regionPath()))
        .orElseThrow(() -> new NotFoundException("application"));
  }

  private static void requireFollower(Actor actor) {
    if (!mayFollow(actor)) {
      throw new ForbiddenException("applications");
    }
  }

  private static void requireRegistrar(Actor actor) {
    if (!actor.is(Role.REGISTRAR)) {
      throw new ForbiddenException("registrars record applications and their outcomes");
    }
  }
}
