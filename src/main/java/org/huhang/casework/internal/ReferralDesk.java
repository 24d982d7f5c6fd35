package org.huhang.casework.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.huhang.audit.AuditTrail;
import org.huhang.casework.ReferralView;
import org.huhang.center.CenterId;
import org.huhang.center.CenterStatus;
import org.huhang.center.CenterView;
import org.huhang.center.Centers;
import org.huhang.registration.ApplicationId;
import org.huhang.registration.ApplicationView;
import org.huhang.registration.CounselingCaseOpened;
import org.huhang.registration.CounselingRequested;
import org.huhang.registration.DivorceApplications;
import org.huhang.shared.Actor;
import org.huhang.shared.DomainException;
import org.huhang.shared.DomainException.FieldProblem;
import org.huhang.shared.NotFoundException;
import org.huhang.shared.text.ControlCharacters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The referral queue (待建案). Registration announces a couple that accepted counseling ({@link
 * CounselingRequested}); the couple waits in the queue of the county where it applied, seen by the
 * county's center managers, until one accepts it into a case at its center or passes it to another
 * center with a reason. Accepting answers registration with {@link CounselingCaseOpened}.
 *
 * <p>One referral per application, however often it is announced: the announcement is idempotent,
 * and at start-up every request registration still holds open is announced again, so a lost event
 * or a bulk import never leaves a couple out. A decision locks its referral row: of two managers
 * accepting at once, the second hears that it was decided.
 */
@Service
public class ReferralDesk {

  private static final Logger log = LoggerFactory.getLogger(ReferralDesk.class);

  static final int REASON_MAX = 200;

  /** The most a queue page lists: a county never has that many couples waiting at once. */
  static final int QUEUE_MAX = 500;

  private final JdbcClient jdbc;
  private final Centers centers;
  private final DivorceApplications applications;
  private final CaseworkPolicy policy;
  private final CaseFile cases;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  ReferralDesk(
      JdbcClient jdbc,
      Centers centers,
      DivorceApplications applications,
      CaseworkPolicy policy,
      CaseFile cases,
      AuditTrail audit,
      ApplicationEventPublisher events,
      Clock clock) {
    this.jdbc = jdbc;
    this.centers = centers;
    this.applications = applications;
    this.policy = policy;
    this.cases = cases;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  /** A couple accepted counseling: it joins its county's queue (once). */
  @ApplicationModuleListener
  public void on(CounselingRequested request) {
    refer(request);
  }

  /** Every request registration still holds open joins the queue, if it is not there yet. */
  @EventListener(ApplicationReadyEvent.class)
  @Transactional
  public void referMissing() {
    int added = 0;
    for (CounselingRequested request : applications.awaitingCase()) {
      added += refer(request);
    }
    if (added > 0) {
      log.info("{} counseling requests joined the referral queue at start-up", added);
    }
  }

  private int refer(CounselingRequested request) {
    return jdbc.sql(
            """
            insert into casework.referral
              (id, application_id, region_path, received_on, withdrawal_deadline, status, referred_at)
            values (:id, :application, :path, :received, :deadline, 'WAITING', :at)
            on conflict (application_id) do nothing""")
        .param("id", UUID.randomUUID())
        .param("application", request.applicationId().value())
        .param("path", request.regionPath())
        .param("received", request.receivedOn())
        .param("deadline", request.withdrawalDeadline())
        .param("at", Timestamp.from(clock.instant()))
        .update();
  }

  /** A referral row as the queue keeps it. */
  record Row(
      UUID id,
      UUID applicationId,
      String regionPath,
      LocalDate receivedOn,
      LocalDate withdrawalDeadline,
      UUID centerId,
      String status,
      String passReason) {}

  private static final String ROW =
      """
      select r.id, r.application_id, r.region_path, r.received_on, r.withdrawal_deadline,
             r.center_id, r.status,
             (select p.reason from casework.referral_pass p
               where p.referral_id = r.id order by p.passed_at desc, p.id desc limit 1) as pass_reason
      from casework.referral r""";

  private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Row(
        rs.getObject("id", UUID.class),
        rs.getObject("application_id", UUID.class),
        rs.getString("region_path"),
        rs.getObject("received_on", LocalDate.class),
        rs.getObject("withdrawal_deadline", LocalDate.class),
        rs.getObject("center_id", UUID.class),
        rs.getString("status"),
        rs.getString("pass_reason"));
  }

  /**
   * The waiting referrals the actor works, those still in the cooling-off period first by nearest
   * withdrawal deadline, then those past it: a manager's county queue and those passed to the
   * centers it runs; an administrator's whole region.
   */
  @Transactional(readOnly = true)
  public List<ReferralView> queue(Actor actor) {
    return queue(actor, QUEUE_MAX);
  }

  /** The first {@code limit} of the queue, for a short list such as the home page's. */
  @Transactional(readOnly = true)
  public List<ReferralView> queue(Actor actor, int limit) {
    policy.requireReferralDesk(actor);
    List<UUID> own = ownCenters(actor);
    List<Row> rows =
        jdbc.sql(
                ROW
                    + " where r.status = 'WAITING' and r.region_path like :scope"
                    + (own == null ? "" : " and (r.center_id is null or r.center_id = any(:own))")
                    // Still in the cooling-off period first, the nearest deadline first; then
                    // those past it, still in their certificate window.
                    + " order by r.withdrawal_deadline < :today, r.withdrawal_deadline,"
                    + " r.received_on, r.id limit :limit")
            .param("today", LocalDate.now(clock))
            .param("limit", Math.min(limit, QUEUE_MAX))
            .param("scope", actor.scope().likePattern())
            .param("own", own == null ? new UUID[0] : own.toArray(UUID[]::new))
            .query((rs, n) -> row(rs))
            .list();
    Map<ApplicationId, ApplicationView> couples =
        applications.find(
            rows.stream().map(r -> new ApplicationId(r.applicationId())).toList(), actor);
    Map<UUID, CenterView> byId = centersById();
    LocalDate today = LocalDate.now(clock);
    // An application decided since (withdrawn, certificate issued, deemed withdrawn) has left the
    // cooling-off period: its couple no longer waits for a case.
    return rows.stream()
        .filter(
            r -> {
              ApplicationView a = couples.get(new ApplicationId(r.applicationId()));
              return a == null || a.outcome() == org.huhang.registration.Outcome.PENDING;
            })
        .map(r -> view(r, couples, byId, today))
        .toList();
  }

  private static ReferralView view(
      Row r,
      Map<ApplicationId, ApplicationView> couples,
      Map<UUID, CenterView> byId,
      LocalDate today) {
    ApplicationView a = couples.get(new ApplicationId(r.applicationId()));
    CenterView center = r.centerId() == null ? null : byId.get(r.centerId());
    return new ReferralView(
        r.id(),
        new ApplicationId(r.applicationId()),
        a == null ? null : a.partyA().name() + " · " + a.partyB().name(),
        r.receivedOn(),
        r.withdrawalDeadline(),
        (int) ChronoUnit.DAYS.between(today, r.withdrawalDeadline()),
        center == null ? null : center.id(),
        center == null ? null : center.name(),
        r.passReason());
  }

  /** One referral the actor works, waiting or decided. */
  @Transactional(readOnly = true)
  public ReferralView get(UUID referralId, Actor actor) {
    Row r = visible(referralId, actor, false);
    ApplicationId application = new ApplicationId(r.applicationId());
    return view(
        r, applications.find(List.of(application), actor), centersById(), LocalDate.now(clock));
  }

  /** The centers the actor may accept this referral into: open ones of its county it works for. */
  @Transactional(readOnly = true)
  public List<CenterView> acceptInto(UUID referralId, Actor actor) {
    Row r = visible(referralId, actor, false);
    return acceptable(r, actor);
  }

  /** The other open centers of the referral's county, to pass it to. */
  @Transactional(readOnly = true)
  public List<CenterView> passTo(UUID referralId, Actor actor) {
    Row r = visible(referralId, actor, false);
    return countyCenters(r).stream().filter(c -> !c.id().value().equals(r.centerId())).toList();
  }

  /**
   * Accepts the referral into a case at the center: the case opens in the cooling-off stage, the
   * referral leaves the queue, and registration hears that the application has its case.
   */
  @Transactional
  public UUID accept(UUID referralId, CenterId centerId, Actor actor) {
    Row r = visible(referralId, actor, true);
    requireWaiting(r);
    CenterView center =
        acceptable(r, actor).stream()
            .filter(c -> c.id().equals(centerId))
            .findFirst()
            .orElseThrow(() -> DomainException.of("centerId", "referral.center.notYours"));
    LocalDate today = LocalDate.now(clock);
    UUID caseId = cases.openFromReferral(r.applicationId(), center, actor);
    jdbc.sql(
            """
            update casework.referral
               set status = 'ACCEPTED', case_id = :case, center_id = :center,
                   decided_by = :by, decided_at = :at, version = version + 1
             where id = :id""")
        .param("case", caseId)
        .param("center", center.id().value())
        .param("by", actor.username())
        .param("at", Timestamp.from(clock.instant()))
        .param("id", r.id())
        .update();
    audit.recordWrite("referral.accept", "referral", r.id().toString());
    events.publishEvent(
        new CounselingCaseOpened(new ApplicationId(r.applicationId()), caseId, today));
    return caseId;
  }

  /** Passes the referral to another open center of its county, saying why; it stays waiting. */
  @Transactional
  public void pass(UUID referralId, CenterId to, String reason, Actor actor) {
    Row r = visible(referralId, actor, true);
    requireWaiting(r);
    String why = reason == null ? "" : reason.strip();
    List<FieldProblem> problems = passProblems(r, to, why);
    if (!problems.isEmpty()) {
      throw new DomainException(problems);
    }
    jdbc.sql(
            """
            insert into casework.referral_pass
              (referral_id, from_center, to_center, reason, passed_by, passed_at)
            values (:referral, :from, :to, :reason, :by, :at)""")
        .param("referral", r.id())
        .param("from", r.centerId())
        .param("to", to.value())
        .param("reason", why)
        .param("by", actor.username())
        .param("at", Timestamp.from(clock.instant()))
        .update();
    jdbc.sql("update casework.referral set center_id = :to, version = version + 1 where id = :id")
        .param("to", to.value())
        .param("id", r.id())
        .update();
    audit.recordWrite("referral.pass", "referral", r.id().toString());
  }

  /** What the rules find wrong with passing the referral on; nothing is changed. */
  @Transactional(readOnly = true)
  public List<FieldProblem> passProblems(UUID referralId, CenterId to, String reason, Actor actor) {
    return passProblems(
        visible(referralId, actor, false), to, reason == null ? "" : reason.strip());
  }

  private List<FieldProblem> passProblems(Row r, CenterId to, String why) {
    List<FieldProblem> problems = new ArrayList<>();
    if (why.isEmpty()) {
      problems.add(new FieldProblem("reason", "referral.reason.required", new Object[0]));
    } else if (why.length() > REASON_MAX) {
      problems.add(new FieldProblem("reason", "referral.reason.size", new Object[] {REASON_MAX}));
    } else if (ControlCharacters.present(why)) {
      problems.add(new FieldProblem("reason", "error.controlCharacter", new Object[0]));
    }
    boolean known =
        to != null
            && countyCenters(r).stream()
                .anyMatch(c -> c.id().equals(to) && !c.id().value().equals(r.centerId()));
    if (!known) {
      problems.add(new FieldProblem("centerId", "referral.center.notInCounty", new Object[0]));
    }
    return problems;
  }

  /** The referral when the actor works it; 403 for a role that works none, else 404. */
  private Row visible(UUID referralId, Actor actor, boolean lock) {
    policy.requireReferralDesk(actor);
    Row r =
        jdbc.sql(
                ROW
                    + " where r.id = :id and r.region_path like :scope"
                    + (lock ? " for update of r" : ""))
            .param("id", referralId)
            .param("scope", actor.scope().likePattern())
            .query((rs, n) -> row(rs))
            .optional()
            .orElseThrow(() -> new NotFoundException("referral"));
    List<UUID> own = ownCenters(actor);
    if (own != null && r.centerId() != null && !own.contains(r.centerId())) {
      throw new NotFoundException("referral");
    }
    return r;
  }

  private static void requireWaiting(Row r) {
    if (!"WAITING".equals(r.status())) {
      throw DomainException.of(null, "referral.decided");
    }
  }

  /** The open centers of the referral's county (the office's county, where the couple applied). */
  private List<CenterView> countyCenters(Row r) {
    return centers.all().stream()
        .filter(c -> c.regionPath().startsWith(r.regionPath()))
        .filter(c -> c.status() == CenterStatus.OPEN)
        .sorted(java.util.Comparator.comparing(CenterView::name))
        .toList();
  }

  private List<CenterView> acceptable(Row r, Actor actor) {
    List<UUID> own = ownCenters(actor);
    return countyCenters(r).stream()
        .filter(
            c -> own == null ? actor.scope().covers(c.regionPath()) : own.contains(c.id().value()))
        .toList();
  }

  /** The centers a manager runs; null for an administrator, who works every center it sees. */
  private List<UUID> ownCenters(Actor actor) {
    if (!policy.seesOnlyOwnCenters(actor)) {
      return null;
    }
    return centers.managedBy(actor.userId()).stream().map(CenterId::value).toList();
  }

  private Map<UUID, CenterView> centersById() {
    return centers.all().stream()
        .collect(Collectors.toMap(c -> c.id().value(), Function.identity(), (a, b) -> a));
  }
}
