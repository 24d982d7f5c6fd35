package org.huhang.registration;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.huhang.shared.person.Gender;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ApplicationRepository {

  /** A stored party: the identity number and phone still sealed. */
  record StoredParty(
      String name,
      Gender gender,
      LocalDate birthDate,
      byte[] idCipher,
      String idMasked,
      byte[] phoneCipher,
      String phoneMasked) {

    PartyView view() {
      return new PartyView(name, gender, birthDate, idMasked, phoneMasked);
    }
  }

  record Row(
      UUID id,
      String officeRegionCode,
      String regionPath,
      LocalDate receivedOn,
      StoredParty a,
      StoredParty b,
      byte[] pairHash,
      LocalDate marriageDate,
      int minorChildren,
      boolean counselingOffered,
      boolean counselingAccepted,
      boolean caseOpened,
      CoolingOffDates dates,
      Outcome outcome,
      LocalDate outcomeOn,
      String withdrawnBy) {

    ApplicationView view() {
      return new ApplicationView(
          id,
          officeRegionCode,
          receivedOn,
          a.view(),
          b.view(),
          marriageDate,
          minorChildren,
          counselingOffered,
          counselingAccepted,
          caseOpened,
          dates,
          outcome,
          outcomeOn,
          withdrawnBy);
    }

    DivorceApplication aggregate() {
      return new DivorceApplication(id, dates, outcome, outcomeOn, withdrawnBy);
    }
  }

  /** Filters of the list; null means none. */
  record Filter(
      String scope, Outcome outcome, Boolean counselingAccepted, LocalDate from, LocalDate to) {}

  private static final RowMapper<Row> ROW =
      (rs, n) ->
          new Row(
              rs.getObject("id", UUID.class),
              rs.getString("office_region_code"),
              rs.getString("region_path"),
              rs.getObject("received_on", LocalDate.class),
              party(rs, "a_"),
              party(rs, "b_"),
              rs.getBytes("pair_hash"),
              rs.getObject("marriage_date", LocalDate.class),
              rs.getInt("minor_children"),
              rs.getBoolean("counseling_offered"),
              rs.getBoolean("counseling_accepted"),
              rs.getBoolean("case_opened"),
              new CoolingOffDates(
                  rs.getObject("received_on", LocalDate.class),
                  rs.getObject("withdrawal_deadline", LocalDate.class),
                  rs.getObject("certificate_from", LocalDate.class),
                  rs.getObject("certificate_deadline", LocalDate.class),
                  rs.getObject("deemed_withdrawn_on", LocalDate.class),
                  rs.getBoolean("withdrawal_provisional"),
                  rs.getBoolean("certificate_provisional")),
              Outcome.valueOf(rs.getString("outcome")),
              rs.getObject("outcome_on", LocalDate.class),
              rs.getString("withdrawn_by"));

  private static StoredParty party(java.sql.ResultSet rs, String p) throws java.sql.SQLException {
    return new StoredParty(
        rs.getString(p + "name"),
        Gender.valueOf(rs.getString(p + "gender")),
        rs.getObject(p + "birth_date", LocalDate.class),
        rs.getBytes(p + "id_cipher"),
        rs.getString(p + "id_masked"),
        rs.getBytes(p + "phone_cipher"),
        rs.getString(p + "phone_masked"));
  }

  private static final String WHERE =
      """
      where region_path like :scope
        and (cast(:outcome as text) is null or outcome = :outcome)
        and (cast(:accepted as boolean) is null or counseling_accepted = :accepted)
        and (cast(:from as date) is null or received_on >= :from)
        and (cast(:to as date) is null or received_on <= :to)""";

  private final JdbcClient jdbc;

  ApplicationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Row> find(UUID id) {
    return jdbc.sql("select * from registration.divorce_application where id = :id")
        .param("id", id)
        .query(ROW)
        .optional();
  }

  Optional<Row> openByPair(byte[] pairHash) {
    return jdbc.sql(
            "select * from registration.divorce_application where pair_hash = :h and outcome = 'PENDING'")
        .param("h", pairHash)
        .query(ROW)
        .optional();
  }

  boolean exists(byte[] pairHash, LocalDate receivedOn) {
    return jdbc.sql(
                "select count(*) from registration.divorce_application where pair_hash = :h and received_on = :r")
            .param("h", pairHash)
            .param("r", receivedOn)
            .query(Long.class)
            .single()
        > 0;
  }

  long count(Filter f) {
    return bind(jdbc.sql("select count(*) from registration.divorce_application " + WHERE), f)
        .query(Long.class)
        .single();
  }

  List<Row> search(Filter f, int limit, long offset) {
    return bind(
            jdbc.sql(
                "select * from registration.divorce_application "
                    + WHERE
                    + " order by received_on desc, id limit :limit offset :offset"),
            f)
        .param("limit", limit)
        .param("offset", offset)
        .query(ROW)
        .list();
  }

  private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Filter f) {
    return spec.param("scope", f.scope())
        .param("outcome", f.outcome() == null ? null : f.outcome().name())
        .param("accepted", f.counselingAccepted())
        .param("from", f.from())
        .param("to", f.to());
  }

  /** Open applications whose withdrawal deadline falls between the two days, soonest first. */
  List<Row> board(String scope, LocalDate from, LocalDate to) {
    return jdbc.sql(
            """
            select * from registration.divorce_application
            where outcome = 'PENDING' and region_path like :scope and withdrawal_deadline between :from and :to
            order by withdrawal_deadline, received_on, id limit 500""")
        .param("scope", scope)
        .param("from", from)
        .param("to", to)
        .query(ROW)
        .list();
  }

  List<Row> provisionalOrPending() {
    return jdbc.sql(
            "select * from registration.divorce_application where outcome = 'PENDING'"
                + " or withdrawal_provisional or certificate_provisional")
        .query(ROW)
        .list();
  }

  /**
   * Open applications unclaimed by {@code today}, with exact dates, locked for this transaction.
   */
  List<Row> unclaimed(LocalDate today) {
    return jdbc.sql(
            """
            select * from registration.divorce_application
            where outcome = 'PENDING' and not certificate_provisional and deemed_withdrawn_on <= :today
            order by deemed_withdrawn_on for update skip locked""")
        .param("today", today)
        .query(ROW)
        .list();
  }

  void insert(Row r, String createdBy, Instant now) {
    jdbc.sql(
            """
            insert into registration.divorce_application (id, office_region_code, region_path, received_on,
              a_name, a_gender, a_birth_date, a_id_cipher, a_id_masked, a_phone_cipher, a_phone_masked,
              b_name, b_gender, b_birth_date, b_id_cipher, b_id_masked, b_phone_cipher, b_phone_masked,
              pair_hash, marriage_date, minor_children, counseling_offered, counseling_accepted,
              withdrawal_deadline, certificate_from, certificate_deadline, deemed_withdrawn_on,
              withdrawal_provisional, certificate_provisional, outcome, outcome_on, withdrawn_by,
              created_by, created_at, updated_at)
            values (:id, :office, :path, :received,
              :an, :ag, :ab, :aic, :aim, :apc, :apm,
              :bn, :bg, :bb, :bic, :bim, :bpc, :bpm,
              :pair, :married, :children, :offered, :accepted,
              :wd, :cf, :cd, :dw, :wp, :cp, :outcome, :outcomeOn, :by, :createdBy, :now, :now)""")
        .param("id", r.id())
        .param("office", r.officeRegionCode())
        .param("path", r.regionPath())
        .param("received", r.receivedOn())
        .param("an", r.a().name())
        .param("ag", r.a().gender().name())
        .param("ab", r.a().birthDate())
        .param("aic", r.a().idCipher())
        .param("aim", r.a().idMasked())
        .param("apc", r.a().phoneCipher())
        .param("apm", r.a().phoneMasked())
        .param("bn", r.b().name())
        .param("bg", r.b().gender().name())
        .param("bb", r.b().birthDate())
        .param("bic", r.b().idCipher())
        .param("bim", r.b().idMasked())
        .param("bpc", r.b().phoneCipher())
        .param("bpm", r.b().phoneMasked())
        .param("pair", r.pairHash())
        .param("married", r.marriageDate())
        .param("children", r.minorChildren())
        .param("offered", r.counselingOffered())
        .param("accepted", r.counselingAccepted())
        .param("wd", r.dates().withdrawalDeadline())
        .param("cf", r.dates().certificateFrom())
        .param("cd", r.dates().certificateDeadline())
        .param("dw", r.dates().deemedWithdrawnOn())
        .param("wp", r.dates().withdrawalProvisional())
        .param("cp", r.dates().certificateProvisional())
        .param("outcome", r.outcome().name())
        .param("outcomeOn", r.outcomeOn())
        .param("by", r.withdrawnBy())
        .param("createdBy", createdBy)
        .param("now", Timestamp.from(now))
        .update();
  }

  /**
   * Writes an outcome, only over an open application: a second, concurrent move changes nothing.
   */
  boolean saveOutcome(DivorceApplication a, Instant now) {
    return jdbc.sql(
                """
                update registration.divorce_application set outcome = :outcome, outcome_on = :on, withdrawn_by = :by,
                  updated_at = :now where id = :id and outcome = 'PENDING'""")
            .param("outcome", a.outcome().name())
            .param("on", a.outcomeOn())
            .param("by", a.withdrawnBy())
            .param("now", Timestamp.from(now))
            .param("id", a.id())
            .update()
        == 1;
  }

  void saveDates(UUID id, CoolingOffDates d, CoolingOffDates old, Instant now) {
    jdbc.sql(
            """
            update registration.divorce_application set withdrawal_deadline = :wd, certificate_from = :cf,
              certificate_deadline = :cd, deemed_withdrawn_on = :dw, withdrawal_provisional = :wp,
              certificate_provisional = :cp, updated_at = :now where id = :id""")
        .param("wd", d.withdrawalDeadline())
        .param("cf", d.certificateFrom())
        .param("cd", d.certificateDeadline())
        .param("dw", d.deemedWithdrawnOn())
        .param("wp", d.withdrawalProvisional())
        .param("cp", d.certificateProvisional())
        .param("now", Timestamp.from(now))
        .param("id", id)
        .update();
    if (!d.withdrawalDeadline().equals(old.withdrawalDeadline())
        || !d.certificateDeadline().equals(old.certificateDeadline())) {
      jdbc.sql(
              """
              insert into registration.deadline_change (application_id, changed_at, old_withdrawal_deadline,
                new_withdrawal_deadline, old_certificate_deadline, new_certificate_deadline)
              values (:id, :now, :ow, :nw, :oc, :nc)""")
          .param("id", id)
          .param("now", Timestamp.from(now))
          .param("ow", old.withdrawalDeadline())
          .param("nw", d.withdrawalDeadline())
          .param("oc", old.certificateDeadline())
          .param("nc", d.certificateDeadline())
          .update();
    }
  }

  /** A deadline moved by a newly entered notice, for the registrars. */
  record DeadlineChange(
      UUID applicationId,
      Instant changedAt,
      LocalDate oldWithdrawal,
      LocalDate newWithdrawal,
      LocalDate oldCertificate,
      LocalDate newCertificate) {}

  List<DeadlineChange> changesSince(String scope, Instant since) {
    return jdbc.sql(
            """
            select c.application_id, c.changed_at, c.old_withdrawal_deadline, c.new_withdrawal_deadline,
                   c.old_certificate_deadline, c.new_certificate_deadline
            from registration.deadline_change c join registration.divorce_application a on a.id = c.application_id
            where a.region_path like :scope and c.changed_at >= :since
            order by c.changed_at desc, c.id desc limit 200""")
        .param("scope", scope)
        .param("since", Timestamp.from(since))
        .query(
            (rs, n) ->
                new DeadlineChange(
                    rs.getObject(1, UUID.class),
                    rs.getTimestamp(2).toInstant(),
                    rs.getObject(3, LocalDate.class),
                    rs.getObject(4, LocalDate.class),
                    rs.getObject(5, LocalDate.class),
                    rs.getObject(6, LocalDate.class)))
        .list();
  }

  /** Whether this transaction won the database lock of the named job (two instances run it). */
  boolean tryJobLock(long key) {
    return Boolean.TRUE.equals(
        jdbc.sql("select pg_try_advisory_xact_lock(:k)")
            .param("k", key)
            .query(Boolean.class)
            .single());
  }

  long countAll() {
    return jdbc.sql("select count(*) from registration.divorce_application")
        .query(Long.class)
        .single();
  }
}
