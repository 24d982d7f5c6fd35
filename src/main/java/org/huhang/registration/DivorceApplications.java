package org.huhang.registration;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.huhang.registration.internal.ApplicationFacts;
import org.huhang.registration.internal.ApplicationOutcomes;
import org.huhang.registration.internal.ApplicationQueries;
import org.huhang.registration.internal.ApplicationRecording;
import org.huhang.registration.internal.ApplicationSearchTerms;
import org.huhang.registration.internal.HolidayCalendars;
import org.huhang.registration.internal.RegistrationPolicy;
import org.huhang.shared.Actor;
import org.huhang.shared.DataScope;
import org.huhang.shared.DomainException;
import org.huhang.shared.NotFoundException;
import org.huhang.shared.Paged;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registration module's API: registrars record applications received by their office and their
 * outcomes; administrators and center managers follow them on the deadline board. Every date comes
 * from the cooling-off clock. Other modules hold an application by its {@link ApplicationId}.
 */
@Service
public class DivorceApplications {

  private final ApplicationRecording recording;
  private final ApplicationOutcomes outcomes;
  private final ApplicationQueries queries;
  private final ApplicationSearchTerms terms;
  private final HolidayCalendars calendars;
  private final RegistrationPolicy policy;
  private final Clock clock;
  private final ApplicationFacts facts;

  DivorceApplications(
      ApplicationRecording recording,
      ApplicationOutcomes outcomes,
      ApplicationQueries queries,
      ApplicationSearchTerms terms,
      HolidayCalendars calendars,
      RegistrationPolicy policy,
      Clock clock,
      ApplicationFacts facts) {
    this.facts = facts;
    this.recording = recording;
    this.outcomes = outcomes;
    this.queries = queries;
    this.terms = terms;
    this.calendars = calendars;
    this.policy = policy;
    this.clock = clock;
  }

  /**
   * The applications of a region's subtree received from {@code from} to {@code to} (both
   * included), as compact rows for the figures: no person in them; the caller decides who may see
   * figures of that region.
   */
  @Transactional(readOnly = true)
  public List<ApplicationFact> receivedIn(DataScope scope, LocalDate from, LocalDate to) {
    return facts.receivedIn(scope, from, to);
  }

  /**
   * The applications of every region received on one of {@code days}, for figures kept per day
   * across the whole tree (reporting's cache): no person in them, and no scope, so never shown as
   * such to anyone.
   */
  @Transactional(readOnly = true)
  public List<ApplicationFact> receivedOnDays(java.util.Collection<LocalDate> days) {
    return facts.receivedOnDays(days);
  }

  /** The days these applications were received on (for figures kept per day). */
  @Transactional(readOnly = true)
  public java.util.Set<LocalDate> receivedDaysOf(java.util.Collection<ApplicationId> ids) {
    return facts.receivedDaysOf(ids);
  }

  /** Every day on which any application was received, in order (for figures kept per day). */
  @Transactional(readOnly = true)
  public List<LocalDate> receivedDays() {
    return facts.receivedDays();
  }

  /**
   * The applications among {@code ids} that the actor follows, by id: for a list another module
   * keeps (the casework referral queue) that shows whose application each row is.
   */
  @Transactional(readOnly = true)
  public java.util.Map<ApplicationId, ApplicationView> find(
      java.util.Collection<ApplicationId> ids, Actor actor) {
    return policy
        .followedScope(actor)
        .map(scope -> queries.findAll(ids, scope))
        .orElse(List.of())
        .stream()
        .collect(java.util.stream.Collectors.toMap(ApplicationView::id, a -> a));
  }

  /**
   * The applications among {@code ids} within the actor's scope, in the order of {@code ids},
   * masked as every list shows them: for a list of records another module chose (the records behind
   * a figure). Ids outside the scope are left out; a role that does not follow applications: 403.
   */
  @Transactional(readOnly = true)
  public List<ApplicationView> inOrder(List<ApplicationId> ids, Actor actor) {
    java.util.Map<ApplicationId, ApplicationView> found = find(ids, actor);
    return ids.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
  }

  /** Whether the actor may open an application's page (the same rule as {@link #get}). */
  public boolean mayOpen(Actor actor) {
    return policy.mayFollow(actor) && !actor.is(org.huhang.shared.Role.COUNSELOR);
  }

  /**
   * Every counseling request still waiting for its case, as {@link CounselingRequested} announced
   * it: for the module that opens cases to make sure it missed none (an event lost in a crash, an
   * application imported in bulk). No scope: the system asks, not a person.
   */
  @Transactional(readOnly = true)
  public List<CounselingRequested> awaitingCase() {
    return queries.awaitingCase();
  }

  /**
   * Both parties of an application with their whole numbers, for casework to seal into the case it
   * opens for the couple; never shown to a person by the caller.
   */
  public List<Party> partiesForCase(ApplicationId id) {
    return recording.partiesForCase(id.value());
  }

  /**
   * The decided applications of a period in a region's subtree whose couple accepted counseling and
   * has no case yet, in received order: what a history brought in through the import (decided
   * applications publish no {@link CounselingRequested}), for casework to open their cases in bulk.
   * No scope check: the system asks, not a person.
   */
  @Transactional(readOnly = true)
  public List<ApplicationFact> decidedAwaitingCase(DataScope scope, LocalDate from, LocalDate to) {
    return facts.decidedAwaitingCase(scope, from, to);
  }

  /** {@link #partiesForCase} of many applications at once, by id (for cases opened in bulk). */
  public java.util.Map<ApplicationId, List<Party>> partiesForCases(List<ApplicationId> ids) {
    java.util.Map<ApplicationId, List<Party>> out = new java.util.HashMap<>();
    recording
        .partiesForCases(ids.stream().map(ApplicationId::value).toList())
        .forEach((id, parties) -> out.put(new ApplicationId(id), parties));
    return out;
  }

  /**
   * Casework opened cases for these decided applications in bulk: they show a case, as {@link
   * CounselingCaseOpened} makes one show; one audit entry for the batch. Returns how many changed.
   */
  public int casesOpenedInBulk(List<ApplicationId> ids) {
    return recording.casesOpenedInBulk(ids.stream().map(ApplicationId::value).toList());
  }

  /** Records an application; accepting counseling publishes {@link CounselingRequested}. */
  public ApplicationView record(RecordApplication command, Actor actor) {
    return recording.record(command, actor);
  }

  /**
   * What the rules find wrong with an application, every field at once, for a form that could not
   * read every field; nothing is recorded.
   */
  public List<DomainException.FieldProblem> problems(RecordApplication command) {
    return recording.check(command);
  }

  @Transactional(readOnly = true)
  public ApplicationView get(ApplicationId id, Actor actor) {
    return policy
        .followedScope(actor)
        .flatMap(scope -> queries.find(id, scope))
        .orElseThrow(() -> new NotFoundException("application"));
  }

  @Transactional(readOnly = true)
  public Paged<ApplicationView> search(ApplicationSearch search, Actor actor) {
    int page = Paged.clampPage(search.page());
    int size = Paged.clampSize(search.size());
    Optional<String> scope = policy.followedScope(actor);
    if (scope.isEmpty()) {
      return new Paged<>(List.of(), page, size, 0);
    }
    ApplicationQueries.Terms found = terms.of(search.q());
    List<ApplicationView> items =
        queries.search(search, found, scope.get(), size, (long) page * size);
    return Paged.counted(
        items, page, size, limit -> queries.count(search, found, scope.get(), limit));
  }

  /** Every application matching the search, batch by batch in list order: the export. */
  @Transactional(readOnly = true)
  public void forEachMatch(
      ApplicationSearch search, Actor actor, java.util.function.Consumer<ApplicationView> each) {
    Optional<String> scope = policy.followedScope(actor);
    if (scope.isEmpty()) {
      return;
    }
    ApplicationQueries.Terms found = terms.of(search.q());
    int batch = 1000;
    for (long offset = 0; ; offset += batch) {
      List<ApplicationView> rows = queries.search(search, found, scope.get(), batch, offset);
      rows.forEach(each);
      if (rows.size() < batch) {
        return;
      }
    }
  }

  /** Open applications whose withdrawal deadline falls within the next {@code days} days. */
  @Transactional(readOnly = true)
  public List<ApplicationView> board(int days, Actor actor) {
    LocalDate today = LocalDate.now(clock);
    int window = Math.max(0, Math.min(days, 60));
    return policy
        .followedScope(actor)
        .map(scope -> queries.board(scope, today, today.plusDays(window)))
        .orElse(List.of());
  }

  /** Deadlines moved by holiday notices entered within the last {@code days} days. */
  @Transactional(readOnly = true)
  /** The office's month at a glance; empty for a role that follows no applications. */
  public java.util.Optional<RegistrarMonth> month(Actor actor) {
    if (!policy.mayFollow(actor)) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(
        queries.month(actor.scope().likePattern(), java.time.LocalDate.now(clock)));
  }

  public List<DeadlineMove> recentMoves(int days, Actor actor) {
    if (!policy.mayFollow(actor)) {
      return List.of();
    }
    return queries.movesSince(
        actor.scope().likePattern(), clock.instant().minus(Duration.ofDays(days)));
  }

  /** 403 for a role that records no outcomes, 404 outside the actor's region; else nothing. */
  public void requireRecorderOf(ApplicationId id, Actor actor) {
    outcomes.requireRecorderOf(id, actor);
  }

  /**
   * Counseling offered after the application was recorded, declined or accepted ({@code accepted});
   * accepting publishes {@link CounselingRequested}. Until the outcome; an acceptance is final.
   */
  public ApplicationView recordCounseling(ApplicationId id, boolean accepted, Actor actor) {
    return outcomes.recordCounseling(id, accepted, actor);
  }

  /** A party withdraws ("A", "B" or "BOTH"; one alone may), on or before the deadline. */
  public ApplicationView withdraw(ApplicationId id, LocalDate on, String by, Actor actor) {
    return outcomes.withdraw(id, on, by, actor);
  }

  /** Refuses a withdrawal as {@link #withdraw} would, recording nothing: for the confirmation. */
  public ApplicationView checkWithdrawal(ApplicationId id, LocalDate on, String by, Actor actor) {
    return outcomes.checkWithdrawal(id, on, by, actor);
  }

  /** Refuses a certificate as {@link #issueCertificate} would, recording nothing. */
  public ApplicationView checkCertificate(ApplicationId id, LocalDate on, Actor actor) {
    return outcomes.checkCertificate(id, on, actor);
  }

  /** Both parties came in person inside the certificate window: the certificate is issued. */
  public ApplicationView issueCertificate(ApplicationId id, LocalDate on, Actor actor) {
    return outcomes.issueCertificate(id, on, actor);
  }

  /**
   * The exact dates of an application received that day; a year without calendar is refused, and so
   * is a day before 2021, when there was no cooling-off period (no calendar is asked for).
   */
  public CoolingOffDates coolingOff(LocalDate receivedOn) {
    if (!Regime.of(receivedOn).coolingOff()) {
      throw DomainException.of("receivedOn", "coolingOff.beforeCivilCode");
    }
    return calendars.clock().exact(receivedOn);
  }
}
