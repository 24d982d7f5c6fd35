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
  private final org.springframework.jdbc.core.JdbcTemplate jdbc;
  private final org.springframework.context.ApplicationEventPublisher events;

  ApplicationRecording(
      DivorceApplicationRepository repository,
      ApplicationQueries queries,
      CalendarRepository calendar,
      PersonalDataProtector protector,
      RegistrationPolicy policy,
      AuditTrail audit,
      Clock clock,
      org.springframework.jdbc.core.JdbcTemplate jdbc,
      org.springframework.context.ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.events = events;
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

  /** Marks the cases of decided applications opened (cases opened in bulk), one audit entry. */
  @Transactional
  public int casesOpenedInBulk(java.util.List<java.util.UUID> ids) {
    int changed =
        jdbc.update(
            """
            update registration.divorce_application
               set case_opened = true, version = version + 1
             where id = any(?) and counseling_accepted and not case_opened
               and outcome <> 'PENDING'""",
            ps -> ps.setArray(1, ps.getConnection().createArrayOf("uuid", ids.toArray())));
    audit.recordWrite("application.caseOpened.bulk", "application", changed + " applications");
    return changed;
  }

  /** {@link #partiesForCase} of many applications in one query: for cases opened in bulk. */
  @Transactional(readOnly = true)
  public java.util.Map<java.util.UUID, java.util.List<org.huhang.registration.Party>>
      partiesForCases(java.util.List<java.util.UUID> ids) {
    java.util.Map<java.util.UUID, java.util.List<org.huhang.registration.Party>> out =
        new java.util.HashMap<>();
    jdbc.query(
        """
        select id, a_name, a_gender, a_birth_date, a_id_cipher, a_phone_cipher,
               b_name, b_gender, b_birth_date, b_id_cipher, b_phone_cipher
          from registration.divorce_application where id = any(?)""",
        ps -> ps.setArray(1, ps.getConnection().createArrayOf("uuid", ids.toArray())),
        rs -> {
          out.put(
              rs.getObject("id", java.util.UUID.class),
              java.util.List.of(party(rs, "a_"), party(rs, "b_")));
        });
    return out;
  }

  private org.huhang.registration.Party party(java.sql.ResultSet rs, String prefix)
      throws java.sql.SQLException {
    byte[] phone = rs.getBytes(prefix + "phone_cipher");
    return new org.huhang.registration.Party(
        rs.getString(prefix + "name"),
        org.huhang.shared.person.Gender.valueOf(rs.getString(prefix + "gender")),
        rs.getObject(prefix + "birth_date", java.time.LocalDate.class),
        protector.decrypt(rs.getBytes(prefix + "id_cipher")),
        phone == null ? null : protector.decrypt(phone));
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

  /**
   * A file's new applications in batched inserts: a city's six years (tens of thousands of rows)
   * without an aggregate save per row. Each application's events are published as a save would.
   */
  void saveImported(List<DivorceApplication> applications) {
    java.time.Instant now = clock.instant();
    for (int from = 0; from < applications.size(); from += INSERT_BATCH) {
      List<DivorceApplication> chunk =
          applications.subList(from, Math.min(applications.size(), from + INSERT_BATCH));
      chunk.forEach(a -> a.stamp(now));
      jdbc.batchUpdate(
          INSERT,
          chunk,
          chunk.size(),
          (ps, a) -> {
            int i = 0;
            ps.setObject(++i, a.getId());
            ps.setString(++i, a.officeRegionCode());
            ps.setString(++i, a.regionPath());
            ps.setObject(++i, a.receivedOn());
            for (StoredParty p : new StoredParty[] {a.partyA(), a.partyB()}) {
              ps.setString(++i, p.name());
              ps.setString(++i, p.gender().name());
              ps.setObject(++i, p.birthDate());
              ps.setBytes(++i, p.idCipher());
              ps.setString(++i, p.idMasked());
              ps.setBytes(++i, p.phoneCipher());
              ps.setString(++i, p.phoneMasked());
              ps.setBytes(++i, p.idHash());
              ps.setBytes(++i, p.phoneHash());
            }
            ps.setBytes(++i, a.pairHash());
            ps.setObject(++i, a.marriageDate());
            ps.setInt(++i, a.minorChildren());
            ps.setBoolean(++i, a.counselingOffered());
            ps.setBoolean(++i, a.counselingAccepted());
            ps.setBoolean(++i, a.isCaseOpened());
            ps.setString(++i, a.regime().name());
            ps.setObject(++i, a.dates().withdrawalDeadline());
            ps.setObject(++i, a.dates().certificateFrom());
            ps.setObject(++i, a.dates().certificateDeadline());
            ps.setObject(++i, a.dates().deemedWithdrawnOn());
            ps.setBoolean(++i, a.dates().withdrawalProvisional());
            ps.setBoolean(++i, a.dates().certificateProvisional());
            ps.setString(++i, a.outcome().name());
            ps.setObject(++i, a.outcomeOn());
            ps.setString(++i, a.withdrawnBy());
            ps.setString(++i, a.createdBy());
            ps.setObject(++i, java.time.OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC));
            ps.setObject(++i, java.time.OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC));
            ps.setArray(++i, ps.getConnection().createArrayOf("text", a.searchKeys().toArray()));
          });
      chunk.forEach(a -> a.registeredEvents().forEach(events::publishEvent));
    }
    audit.recordWrite("application.import", "divorce-application", applications.size() + " rows");
  }

  /** Rows per batched insert. */
  private static final int INSERT_BATCH = 1_000;

  private static final String INSERT =
      """
      insert into registration.divorce_application (
        id, version, office_region_code, region_path, received_on,
        a_name, a_gender, a_birth_date, a_id_cipher, a_id_masked, a_phone_cipher, a_phone_masked,
        a_id_hash, a_phone_hash,
        b_name, b_gender, b_birth_date, b_id_cipher, b_id_masked, b_phone_cipher, b_phone_masked,
        b_id_hash, b_phone_hash,
        pair_hash, marriage_date, minor_children, counseling_offered, counseling_accepted,
        case_opened, regime, withdrawal_deadline, certificate_from, certificate_deadline,
        deemed_withdrawn_on, withdrawal_provisional, certificate_provisional, outcome, outcome_on,
        withdrawn_by, created_by, created_at, updated_at, search_keys)
      values (?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
              ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }
}
