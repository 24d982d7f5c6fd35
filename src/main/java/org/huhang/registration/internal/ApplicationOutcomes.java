package org.huhang.registration.internal;

import java.time.Clock;
import java.time.LocalDate;
import org.huhang.audit.AuditTrail;
import org.huhang.registration.ApplicationId;
import org.huhang.registration.ApplicationView;
import org.huhang.registration.CounselingCaseOpened;
import org.huhang.shared.Actor;
import org.huhang.shared.DomainException;
import org.huhang.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How applications end and what happens to them meanwhile: registrars record withdrawals and
 * certificates, the daily job marks the unclaimed deemed withdrawn, and casework's answer marks the
 * counseling case opened. Each is a move of the aggregate, loaded locked.
 */
@Service
public class ApplicationOutcomes {

  private static final Logger log = LoggerFactory.getLogger(ApplicationOutcomes.class);

  /** The database lock of the deemed-withdrawn job: one instance does it. */
  static final long DEEM_JOB_LOCK = 1077_2021L;

  private final DivorceApplicationRepository repository;
  private final ApplicationQueries queries;
  private final RegistrationPolicy policy;
  private final AuditTrail audit;
  private final JdbcClient jdbc;
  private final Clock clock;

  ApplicationOutcomes(
      DivorceApplicationRepository repository,
      ApplicationQueries queries,
      RegistrationPolicy policy,
      AuditTrail audit,
      JdbcClient jdbc,
      Clock clock) {
    this.clock = clock;
    this.repository = repository;
    this.queries = queries;
    this.policy = policy;
    this.audit = audit;
    this.jdbc = jdbc;
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }

  /** A party withdraws (one alone may), on or before the withdrawal deadline. */
  @Transactional
  public ApplicationView withdraw(ApplicationId id, LocalDate on, String by, Actor actor) {
    DivorceApplication application = registrarsOwn(id, actor);
    application.withdraw(on, by, today());
    save(application, "application.withdraw");
    return queries.find(id, actor.scope().likePattern()).orElseThrow();
  }

  /**
   * The registrar records counseling offered (and declined) or accepted after the application was
   * recorded; accepting refers the couple to casework.
   */
  @Transactional
  public ApplicationView recordCounseling(ApplicationId id, boolean accepted, Actor actor) {
    DivorceApplication application = registrarsOwn(id, actor);
    if (application.recordCounseling(accepted)) {
      save(application, "application.counseling");
    }
    return queries.find(id, actor.scope().likePattern()).orElseThrow();
  }

  /** Both parties came in person inside the certificate window: the certificate is issued. */
  @Transactional
  public ApplicationView issueCertificate(ApplicationId id, LocalDate on, Actor actor) {
    DivorceApplication application = registrarsOwn(id, actor);
    application.issueCertificate(on, today());
    save(application, "application.certificate");
    return queries.find(id, actor.scope().likePattern()).orElseThrow();
  }

  /**
   * Whether a withdrawal would be recorded as asked, without recording it: the confirmation page
   * names the couple and the day only for a move the law allows. Refuses as {@link #withdraw} does.
   */
  @Transactional
  public ApplicationView checkWithdrawal(ApplicationId id, LocalDate on, String by, Actor actor) {
    registrarsOwn(id, actor).withdraw(on, by, today());
    return queries.find(id, actor.scope().likePattern()).orElseThrow();
  }

  /** Whether a certificate could be issued on the day, without issuing it. */
  @Transactional
  public ApplicationView checkCertificate(ApplicationId id, LocalDate on, Actor actor) {
    registrarsOwn(id, actor).issueCertificate(on, today());
    return queries.find(id, actor.scope().likePattern()).orElseThrow();
  }

  /**
   * The daily job's run: claims the day, then marks as {@link #deemUnclaimed}, in one transaction.
   * Answers empty when the day was already run (by this instance or another) or another instance
   * runs it now; a run that fails leaves the day unclaimed for the next attempt.
   */
  @Transactional
  public java.util.OptionalInt deemUnclaimedOnce(LocalDate today, String instance) {
    if (!Boolean.TRUE.equals(
        jdbc.sql("select pg_try_advisory_xact_lock(:k)")
            .param("k", DEEM_JOB_LOCK)
            .query(Boolean.class)
            .single())) {
      return java.util.OptionalInt.empty();
    }
    int claimed =
        jdbc.sql(
                "insert into registration.deemed_withdrawn_run (day, marked, instance)"
                    + " values (:day, 0, :instance) on conflict (day) do nothing")
            .param("day", today)
            .param("instance", instance)
            .update();
    if (claimed == 0) {
      return java.util.OptionalInt.empty();
    }
    int marked = deemUnclaimed(today);
    jdbc.sql("update registration.deemed_withdrawn_run set marked = :marked where day = :day")
        .param("marked", marked)
        .param("day", today)
        .update();
    return java.util.OptionalInt.of(marked);
  }

  /**
   * Marks every open application deemed withdrawn whose (exact) certificate deadline has passed.
   * Idempotent and safe with several instances: the first to take the database lock does it.
   */
  @Transactional
  public int deemUnclaimed(LocalDate today) {
    if (!Boolean.TRUE.equals(
        jdbc.sql("select pg_try_advisory_xact_lock(:k)")
            .param("k", DEEM_JOB_LOCK)
            .query(Boolean.class)
            .single())) {
      return 0;
    }
    int marked = 0;
    for (DivorceApplication application : repository.lockUnclaimed(today)) {
      application.deemWithdrawn(today);
      save(application, "application.deemWithdrawn");
      marked++;
    }
    return marked;
  }

  /** Casework opened the case of a counseling request: the application shows it. */
  @ApplicationModuleListener
  public void on(CounselingCaseOpened event) {
    DivorceApplication application =
        repository.findLockedById(event.applicationId().value()).orElse(null);
    if (application == null) {
      log.warn("A case was opened for an unknown application {}", event.applicationId());
      return;
    }
    try {
      if (application.caseOpened()) {
        save(application, "application.caseOpened");
      }
    } catch (DomainException e) {
      log.warn(
          "A case was opened for application {}, whose couple did not accept counseling",
          event.applicationId());
    }
  }

  /**
   * Refuses, before anything typed is looked at, an actor who may not record this application's
   * outcome: 403 for a role that records none, 404 outside its region.
   */
  @Transactional(readOnly = true)
  public void requireRecorderOf(ApplicationId id, Actor actor) {
    policy.requireRecorder(actor);
    if (!repository.existsByIdAndRegionPathLike(id.value(), actor.scope().likePattern())) {
      throw new NotFoundException("application");
    }
  }

  /** The registrar's application to act on: in scope or 404. */
  private DivorceApplication registrarsOwn(ApplicationId id, Actor actor) {
    policy.requireRecorder(actor);
    return repository
        .findByIdAndRegionPathLike(id.value(), actor.scope().likePattern())
        .orElseThrow(() -> new NotFoundException("application"));
  }

  private void save(DivorceApplication application, String action) {
    try {
      repository.save(application);
    } catch (OptimisticLockingFailureException e) {
      // Only a writer that bypassed the lock gets here; its move loses like a late one.
      throw DomainException.of("on", "application.closed");
    }
    audit.recordWrite(action, "divorce-application", application.getId().toString());
  }
}
