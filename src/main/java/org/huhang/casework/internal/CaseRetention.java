package org.huhang.casework.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.huhang.casework.PartyRole;
import org.huhang.shared.LegalTime;
import org.huhang.shared.retention.RetainedRecords;
import org.huhang.shared.retention.RetentionUnit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A closed counseling case, some years after closing (3 by default): its people become "已匿名" with
 * only a gender and a birth year, their identity numbers and phones go, every free text (the
 * six-step notes, corrections, supervision, screening answers, the safety plan, referral notes,
 * follow-up notes, the arrangements of a divorce, a joint session's approval) is deleted; the case
 * keeps its center, region, stage, dates, status, outcome and risk, and its sessions, screenings,
 * referrals and follow-ups as dated rows, so every figure counts it as before.
 */
@Component
class CaseRetention implements RetainedRecords {

  static final String ANONYMOUS = "已匿名";

  private final JdbcClient jdbc;
  private final Clock clock;

  CaseRetention(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public String kind() {
    return "COUNSELING_CASE";
  }

  @Override
  public int defaultKeep() {
    return 36;
  }

  @Override
  public RetentionUnit unit() {
    return RetentionUnit.MONTHS;
  }

  /** Closed on a day before the cutoff's day (China). */
  private static LocalDate day(Instant cutoff) {
    return LocalDate.ofInstant(cutoff, LegalTime.ZONE);
  }

  @Override
  public long countDue(Instant cutoff, String scope) {
    return jdbc.sql(
            """
            select count(*) from casework.counseling_case
             where status = 'CLOSED' and anonymised_on is null and closed_on < :day
               and region_path like :scope""")
        .param("day", day(cutoff))
        .param("scope", scope)
        .query(Long.class)
        .single();
  }

  @Override
  public int anonymiseDue(Instant cutoff, String scope, int batch) {
    List<UUID> ids =
        jdbc.sql(
                """
                select id from casework.counseling_case
                 where status = 'CLOSED' and anonymised_on is null and closed_on < :day
                   and region_path like :scope
                 order by closed_on, id limit :n for update skip locked""")
            .param("day", day(cutoff))
            .param("scope", scope)
            .param("n", batch)
            .query(UUID.class)
            .list();
    if (ids.isEmpty()) {
      return 0;
    }
    anonymise(ids.toArray(UUID[]::new));
    return ids.size();
  }

  /**
   * Anonymises these cases whole, as above: the nightly run's batch, or a person's erasure that
   * leaves no party of its case named.
   */
  void anonymise(UUID[] cases) {
    anonymiseParties(cases, new String[] {PartyRole.A.name(), PartyRole.B.name()});
    run(
        """
        update casework.related_person
           set name = :anonymous,
               birth_date = case when birth_date is null then null
                            else make_date(extract(year from birth_date)::int, 1, 1) end
         where case_id = any(:ids)""",
        cases);
    run(
        """
        delete from casework.session_addendum
         where session_id in (select id from casework.session where case_id = any(:ids))""",
        cases);
    run("delete from casework.supervision_comment where case_id = any(:ids)", cases);
    run(
        "update casework.session set notes_cipher = null, place = null where case_id = any(:ids)",
        cases);
    run("update casework.screening set answers_cipher = null where case_id = any(:ids)", cases);
    run("delete from casework.safety_plan where case_id = any(:ids)", cases);
    run("update casework.safety_referral set note_cipher = null where case_id = any(:ids)", cases);
    run("update casework.follow_up set wellbeing_cipher = null where case_id = any(:ids)", cases);
    jdbc.sql(
            """
            update casework.counseling_case
               set joint_approval_cipher = null, outcome_cipher = null, anonymised_on = :today,
                   version = version + 1
             where id = any(:ids)""")
        .param("today", LocalDate.now(clock.withZone(LegalTime.ZONE)))
        .param("ids", cases)
        .update();
  }

  /**
   * One party of a closed case, on its request: its details as a whole case's are anonymised, and
   * its own screening answers deleted. The case's shared texts stay while the other party is named:
   * they are that party's record too (a safety plan, a record of violence).
   */
  void anonymiseParty(UUID caseId, PartyRole role) {
    UUID[] cases = {caseId};
    anonymiseParties(cases, new String[] {role.name()});
    jdbc.sql(
            """
            update casework.screening set answers_cipher = null
             where case_id = :c and party = :r""")
        .param("c", caseId)
        .param("r", role.name())
        .update();
    jdbc.sql("update casework.counseling_case set version = version + 1 where id = :c")
        .param("c", caseId)
        .update();
  }

  /** A party becomes "已匿名" with a gender and a birth year; its numbers, phone and hashes go. */
  private void anonymiseParties(UUID[] cases, String[] roles) {
    jdbc.sql(
            """
            update casework.case_party
               set name = :anonymous,
                   birth_date = make_date(extract(year from birth_date)::int, 1, 1),
                   id_number_cipher = null, id_number_hash = null, id_number_masked = null,
                   phone_cipher = null, phone_hash = null, phone_masked = null
             where case_id = any(:ids) and role = any(:roles)""")
        .param("anonymous", ANONYMOUS)
        .param("ids", cases)
        .param("roles", roles)
        .update();
  }

  private void run(String sql, UUID[] ids) {
    var statement = jdbc.sql(sql).param("ids", ids);
    if (sql.contains(":anonymous")) {
      statement = statement.param("anonymous", ANONYMOUS);
    }
    statement.update();
  }
}
