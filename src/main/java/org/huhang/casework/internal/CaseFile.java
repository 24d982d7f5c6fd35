package org.huhang.casework.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.huhang.audit.AuditTrail;
import org.huhang.casework.CaseDetail;
import org.huhang.casework.CaseId;
import org.huhang.casework.CaseParty;
import org.huhang.casework.CaseSource;
import org.huhang.casework.CaseStage;
import org.huhang.casework.EditCase;
import org.huhang.casework.OpenCase;
import org.huhang.casework.PartyRole;
import org.huhang.casework.PartyView;
import org.huhang.casework.RelatedPerson;
import org.huhang.casework.Risk;
import org.huhang.center.CenterId;
import org.huhang.center.CenterStatus;
import org.huhang.center.CenterView;
import org.huhang.center.Centers;
import org.huhang.registration.ApplicationId;
import org.huhang.registration.CounselingCaseOpened;
import org.huhang.registration.DivorceApplications;
import org.huhang.registration.Party;
import org.huhang.shared.Actor;
import org.huhang.shared.ConflictException;
import org.huhang.shared.DomainException;
import org.huhang.shared.DomainException.FieldProblem;
import org.huhang.shared.person.PersonalDataProtector;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opening cases (by hand, through the API, or from a referral), changing what they are about, and
 * reading one as its page shows it. Every write is audited; a save over a newer version is a
 * conflict (409), never an overwrite.
 */
@Service
public class CaseFile {

  private final CaseRepository repository;
  private final CaseAccess access;
  private final CaseQueries queries;
  private final CaseworkPolicy policy;
  private final Centers centers;
  private final DivorceApplications applications;
  private final PersonalDataProtector protector;
  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final org.springframework.context.ApplicationEventPublisher events;
  private final Clock clock;

  CaseFile(
      CaseRepository repository,
      CaseAccess access,
      CaseQueries queries,
      CaseworkPolicy policy,
      Centers centers,
      DivorceApplications applications,
      PersonalDataProtector protector,
      JdbcClient jdbc,
      AuditTrail audit,
      org.springframework.context.ApplicationEventPublisher events,
      Clock clock) {
    this.repository = repository;
    this.access = access;
    this.queries = queries;
    this.policy = policy;
    this.centers = centers;
    this.applications = applications;
    this.protector = protector;
    this.jdbc = jdbc;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  /** The open centers the actor may open a case at: a manager's own, an admin's region's. */
  @Transactional(readOnly = true)
  public List<CenterView> openableCenters(Actor actor) {
    policy.requireManager(actor);
    List<UUID> managed = List.of(access.managedCenters(actor));
    return centers.all().stream()
        .filter(c -> c.status() == CenterStatus.OPEN)
        .filter(c -> actor.scope().covers(c.regionPath()))
        .filter(c -> !policy.seesOnlyOwnCenters(actor) || managed.contains(c.id().value()))
        .sorted(
            java.util.Comparator.comparing(CenterView::regionPath).thenComparing(CenterView::name))
        .toList();
  }

  /** What opening this case would refuse, every field at once; nothing is written. */
  @Transactional(readOnly = true)
  public List<FieldProblem> problems(OpenCase command, Actor actor) {
    try {
      CounselingCase.open(
          command, "/", actor.username(), today(), queries.activeCategories(), protector);
    } catch (DomainException e) {
      List<FieldProblem> problems = new ArrayList<>(e.problems());
      if (problems.stream().noneMatch(p -> "centerId".equals(p.field()))) {
        centerProblem(command, actor).ifPresent(p -> problems.add(0, p));
      }
      return problems;
    }
    return centerProblem(command, actor).map(List::of).orElse(List.of());
  }

  /**
   * Opens a case by hand: a manager at its center, an administrator at a center of its region. A
   * case that names an application must be in the cooling-off stage and the application's only
   * case.
   */
  @Transactional
  public CaseId open(OpenCase command, Actor actor) {
    policy.requireManager(actor);
    if (command.source() == CaseSource.REGISTRATION_REFERRAL) {
      throw DomainException.of("source", "case.source.notByHand");
    }
    // Every problem of the command at once, the center's among them.
    List<FieldProblem> problems = problems(command, actor);
    if (!problems.isEmpty()) {
      throw new DomainException(problems);
    }
    CenterView center = centerFor(command, actor);
    if (command.applicationId() != null) {
      ApplicationId application = new ApplicationId(command.applicationId());
      if (applications.find(List.of(application), actor).isEmpty()) {
        throw DomainException.of("applicationId", "case.application.unknown");
      }
      requireNoCaseFor(command.applicationId());
    }
    CounselingCase caze =
        CounselingCase.open(
            command,
            center.regionPath(),
            actor.username(),
            today(),
            queries.activeCategories(),
            protector);
    requireNoOpenCaseOf(caze);
    repository.save(caze);
    audit.recordWrite("case.open", "case", caze.id().toString());
    if (command.applicationId() != null) {
      // The couple may also wait in the referral queue: this case answers it, and registration
      // learns that the application has its case.
      jdbc.sql(
              """
              update casework.referral
                 set status = 'ACCEPTED', case_id = :case, center_id = :center,
                     decided_by = :by, decided_at = :at, version = version + 1
               where application_id = :application and status = 'WAITING'""")
          .param("case", caze.id())
          .param("center", caze.centerId())
          .param("by", actor.username())
          .param("at", java.sql.Timestamp.from(clock.instant()))
          .param("application", command.applicationId())
          .update();
      events.publishEvent(
          new CounselingCaseOpened(
              new ApplicationId(command.applicationId()), caze.id(), caze.openedOn()));
    }
    return new CaseId(caze.id());
  }

  /**
   * Opens the case of an accepted referral at a center the referral desk chose: the couple's
   * parties come from the application, the stage is the cooling-off period.
   */
  @Transactional
  public UUID openFromReferral(UUID applicationId, CenterView center, Actor actor) {
    requireNoCaseFor(applicationId);
    List<Party> couple = applications.partiesForCase(new ApplicationId(applicationId));
    List<CaseParty> parties = new ArrayList<>();
    for (int i = 0; i < couple.size(); i++) {
      Party p = couple.get(i);
      parties.add(
          new CaseParty(
              PartyRole.values()[i], p.name(), p.gender(), p.birthDate(), p.idNumber(), p.phone()));
    }
    OpenCase command =
        new OpenCase(
            center.id().value(),
            CaseStage.DIVORCE_COOLING_OFF,
            CaseSource.REGISTRATION_REFERRAL,
            List.of(),
            parties,
            List.of(),
            applicationId);
    CounselingCase caze =
        CounselingCase.open(
            command,
            center.regionPath(),
            actor.username(),
            today(),
            queries.activeCategories(),
            protector);
    repository.save(caze);
    audit.recordWrite("case.open", "case", caze.id().toString());
    return caze.id();
  }

  /**
   * Changes the stage, the issue categories and the related persons. The version the editor saw
   * must still be the case's: otherwise someone saved it since, and the change is refused (409).
   */
  @Transactional
  public CaseDetail edit(CaseId id, EditCase command, Actor actor) {
    CaseRef ref = access.find(id.value(), actor, true);
    policy.requireWorks(ref);
    CounselingCase caze = load(ref.id());
    if (command.version() == null) {
      throw DomainException.of("version", "case.version.required");
    }
    if (command.version() != caze.version()) {
      throw ConflictException.of(null, "case.conflict");
    }
    caze.edit(command, actor.username(), today(), queries.activeCategories());
    save(caze);
    audit.recordWrite("case.edit", "case", caze.id().toString());
    return detail(caze);
  }

  /** One case as its page and the API show it (no sensitive text). */
  @Transactional(readOnly = true)
  public CaseDetail get(CaseId id, Actor actor) {
    CaseRef ref = access.find(id.value(), actor);
    return detail(load(ref.id()));
  }

  /** Whether the actor works the case (its team, its center's manager): it may edit it. */
  @Transactional(readOnly = true)
  public boolean works(CaseId id, Actor actor) {
    return access.find(id.value(), actor).works();
  }

  /** 403 unless the actor works the case; 404 when it does not see it. */
  @Transactional(readOnly = true)
  public void requireWorks(CaseId id, Actor actor) {
    policy.requireWorks(access.find(id.value(), actor));
  }

  /** Saves a case changed by one of the module's services: a stale version is a conflict. */
  void save(CounselingCase caze) {
    try {
      repository.save(caze);
    } catch (OptimisticLockingFailureException e) {
      throw ConflictException.of(null, "case.conflict");
    }
  }

  CounselingCase load(UUID id) {
    return repository
        .findById(id)
        .orElseThrow(() -> new org.huhang.shared.NotFoundException("case"));
  }

  CaseDetail detail(CounselingCase caze) {
    Map<PartyRole, Risk> partyRisks = partyRisks(caze.id());
    List<PartyView> parties = new ArrayList<>();
    caze.parties()
        .forEach(
            (role, p) ->
                parties.add(
                    new PartyView(
                        role,
                        p.name(),
                        p.gender(),
                        p.birthDate(),
                        p.idNumberMasked(),
                        p.phoneMasked(),
                        partyRisks.getOrDefault(role, Risk.UNSCREENED))));
    CenterView center = centers.find(new CenterId(caze.centerId())).orElse(null);
    return new CaseDetail(
        new CaseId(caze.id()),
        caze.centerId(),
        center == null ? "" : center.name(),
        caze.regionPath(),
        caze.stage(),
        caze.source(),
        caze.status(),
        caze.risk(),
        caze.issueCategories(),
        parties,
        caze.relatives().stream()
            .map(r -> new RelatedPerson(r.relation(), r.name(), r.birthDate()))
            .toList(),
        caze.applicationId(),
        caze.openedOn(),
        caze.openedBy(),
        caze.jointApproved(),
        caze.outcome(),
        caze.closedOn(),
        caze.legalOutcome(),
        caze.legalOutcomeOn(),
        caze.version(),
        jdbc.sql("select anonymised_on from casework.counseling_case where id = :id")
            .param("id", caze.id())
            .query(LocalDate.class)
            .optional()
            .orElse(null));
  }

  /** Each party's highest screening result so far. */
  private Map<PartyRole, Risk> partyRisks(UUID caseId) {
    Map<PartyRole, Risk> out = new java.util.EnumMap<>(PartyRole.class);
    jdbc.sql("select party, risk from casework.screening where case_id = :id")
        .param("id", caseId)
        .query(
            rs -> {
              PartyRole role = PartyRole.valueOf(rs.getString("party"));
              Risk risk = Risk.valueOf(rs.getString("risk"));
              out.merge(role, risk, Risk::atLeast);
            });
    return out;
  }

  /**
   * A person with an identity number has one open case at a time: a second one (the same form sent
   * twice, a colleague entering the same walk-in) is refused, and two at once wait for each other
   * on a lock of the number's hash, so the second sees the first.
   */
  private void requireNoOpenCaseOf(CounselingCase caze) {
    List<FieldProblem> problems = new ArrayList<>();
    caze.parties()
        .forEach(
            (role, party) -> {
              if (party.idNumberHash() == null) {
                return;
              }
              String key = java.util.HexFormat.of().formatHex(party.idNumberHash());
              jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 7))")
                  .param("key", key)
                  .query((rs, n) -> 1)
                  .list();
              boolean open =
                  jdbc.sql(
                              """
                          select count(*) from casework.case_party p
                            join casework.counseling_case c on c.id = p.case_id
                           where p.id_number_hash = :hash and c.status <> 'CLOSED'""")
                          .param("hash", party.idNumberHash())
                          .query(Long.class)
                          .single()
                      > 0;
              if (open) {
                problems.add(
                    new FieldProblem(
                        "party" + role.name() + ".idNumber", "case.party.openCase", new Object[0]));
              }
            });
    if (!problems.isEmpty()) {
      throw new DomainException(problems);
    }
  }

  private void requireNoCaseFor(UUID applicationId) {
    boolean taken =
        jdbc.sql("select count(*) from casework.counseling_case where application_id = :id")
                .param("id", applicationId)
                .query(Long.class)
                .single()
            > 0;
    if (taken) {
      throw ConflictException.of("applicationId", "case.application.taken");
    }
  }

  /** The center of a command whose problems were checked: one the actor may open cases at. */
  private CenterView centerFor(OpenCase command, Actor actor) {
    return openableCenters(actor).stream()
        .filter(c -> c.id().value().equals(command.centerId()))
        .findFirst()
        .orElseThrow();
  }

  private java.util.Optional<FieldProblem> centerProblem(OpenCase command, Actor actor) {
    if (command.centerId() == null) {
      return java.util.Optional.of(
          new FieldProblem("centerId", "case.center.required", new Object[0]));
    }
    boolean mayOpen =
        openableCenters(actor).stream().anyMatch(c -> c.id().value().equals(command.centerId()));
    return mayOpen
        ? java.util.Optional.empty()
        : java.util.Optional.of(
            new FieldProblem("centerId", "case.center.notYours", new Object[0]));
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }
}
