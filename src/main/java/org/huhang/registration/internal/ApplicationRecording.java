package org.huhang.registration.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.huhang.audit.AuditTrail;
import org.huhang.registration.ApplicationView;
import org.huhang.registration.RecordApplication;
import org.huhang.shared.Actor;
import org.huhang.shared.DomainException;
import org.huhang.shared.DomainException.FieldProblem;
import org.huhang.shared.person.PersonalDataProtector;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registrars record applications received by their office, one by one (form and API) or from the
 * registration system's export; every path creates the aggregate the same way.
 */
@Service
public class ApplicationRecording {

  private final DivorceApplicationRepository repository;
  private final ApplicationQueries queries;
  private final CalendarRepository calendar;
  private final PersonalDataProtector protector;
  private final RegistrationPolicy policy;
  private final AuditTrail audit;
  private final Clock clock;

  ApplicationRecording(
      DivorceApplicationRepository repository,
      ApplicationQueries queries,
      CalendarRepository calendar,
      PersonalDataProtector protector,
      RegistrationPolicy policy,
      AuditTrail audit,
      Clock clock) {
    this.repository = repository;
    this.queries = queries;
    this.calendar = calendar;
    this.protector = protector;
    this.policy = policy;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Both parties of an application, numbers unsealed, for the module that opens the couple's
   * counseling case and seals them again under its own record. No scope: the system asks.
   */
  @Transactional(readOnly = true)
  public java.util.List<org.huhang.registration.Party> partiesForCase(java.util.UUID id) {
    DivorceApplication a =
        repository
            .findById(id)
            .orElseThrow(() -> new org.huhang.shared.NotFoundException("application"));
    return java.util.List.of(unseal(a.partyA()), unseal(a.partyB()));
  }

  private org.huhang.registration.Party unseal(StoredParty p) {
    return new org.huhang.registration.Party(
        p.name(),
        p.gender(),
        p.birthDate(),
        protector.decrypt(p.idCipher()),
        p.phoneCipher() == null ? null : protector.decrypt(p.phoneCipher()));
  }

  @Transactional
  public ApplicationView record(RecordApplication command, Actor actor) {
    policy.requireRecorder(actor);
    DivorceApplication application =
        prepare(command, actor, new CoolingOffClock(calendar.current()));
    if (openElsewhere(application)) {
      throw DomainException.of(null, "application.duplicate");
    }
    try {
      repository.save(application);
    } catch (DataAccessException e) {
      // Two registrars recording the same couple at once: the unique index decides.
      if (causedBy(e, DuplicateKeyException.class)) {
        throw DomainException.of(null, "application.duplicate");
      }
      throw e;
    }
    audit.recordWrite("application.create", "divorce-application", application.getId().toString());
    return queries.find(application.applicationId(), actor.scope().likePattern()).orElseThrow();
  }

  // ---- the import's steps -----------------------------------------------------------------------

  /** The rules of a new application, for the import's per-row report. */
  public List<FieldProblem> check(RecordApplication command) {
    return DivorceApplication.check(command, LocalDate.now(clock));
  }

  /** A new application, checked and sealed, not yet saved. */
  DivorceApplication prepare(RecordApplication command, Actor actor, CoolingOffClock cooling) {
    return DivorceApplication.record(command, actor, LocalDate.now(clock), cooling, protector);
  }

  /** What is stored of these couples: one look-up for a whole file. */
  ApplicationQueries.Stored stored(List<byte[]> pairHashes) {
    return queries.stored(pairHashes);
  }

  boolean openElsewhere(DivorceApplication application) {
    return queries.openForCouple(application.pairHash());
  }

  void saveImported(List<DivorceApplication> applications) {
    repository.saveAll(applications);
    audit.recordWrite("application.import", "divorce-application", applications.size() + " rows");
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }
}
