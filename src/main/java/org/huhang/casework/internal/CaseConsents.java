package org.huhang.casework.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.huhang.audit.AuditTrail;
import org.huhang.casework.CaseId;
import org.huhang.casework.ConsentPurpose;
import org.huhang.casework.ConsentView;
import org.huhang.casework.PartyRole;
import org.huhang.casework.RecordConsent;
import org.huhang.shared.Actor;
import org.huhang.shared.DomainException;
import org.huhang.shared.DomainException.FieldProblem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each party's consent, per purpose (counseling, processing of sensitive information, follow-up
 * contact): recorded by those who work the case, withdrawn on a date and never deleted. Without a
 * party's consent to sensitive processing in force, {@link ConsentGate} refuses notes and screening
 * answers about it.
 */
@Service
public class CaseConsents {

  private final CaseAccess access;
  private final CaseworkPolicy policy;
  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final Clock clock;
  private final PeopleNames names;

  CaseConsents(
      PeopleNames names,
      CaseAccess access,
      CaseworkPolicy policy,
      JdbcClient jdbc,
      AuditTrail audit,
      Clock clock) {
    this.names = names;
    this.access = access;
    this.policy = policy;
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
  }

  /** Every consent of the case, withdrawn ones included, oldest first. */
  @Transactional(readOnly = true)
  public List<ConsentView> of(CaseId id, Actor actor) {
    CaseRef ref = access.find(id.value(), actor);
    return rows(ref.id(), null, false);
  }

  /**
   * Records the party's consent to each purpose; a purpose already in force stays as it was (no
   * second row). Answers the party's consents in force.
   */
  @Transactional
  public List<ConsentView> record(CaseId id, RecordConsent command, Actor actor) {
    CaseRef ref = writable(id, actor);
    List<FieldProblem> problems = new ArrayList<>();
    partyProblem(ref.id(), command.party()).ifPresent(problems::add);
    if (command.purposes().isEmpty() || command.purposes().contains(null)) {
      problems.add(new FieldProblem("purposes", "consent.purposes.required", new Object[0]));
    }
    if (!problems.isEmpty()) {
      throw new DomainException(problems);
    }
    Instant now = clock.instant();
    for (ConsentPurpose purpose : command.purposes()) {
      UUID consentId = UUID.randomUUID();
      int inserted =
          jdbc.sql(
                  """
                  insert into casework.consent (id, case_id, party, purpose, given_at, recorded_by)
                  values (:id, :case, :party, :purpose, :at, :by)
                  on conflict (case_id, party, purpose) where withdrawn_at is null do nothing""")
              .param("id", consentId)
              .param("case", ref.id())
              .param("party", command.party().name())
              .param("purpose", purpose.name())
              .param("at", java.sql.Timestamp.from(now))
              .param("by", actor.username())
              .update();
      if (inserted > 0) {
        audit.recordWrite("consent.record", "consent", consentId.toString());
      }
    }
    return rows(ref.id(), command.party(), true);
  }

  /**
   * Withdraws the party's consent to a purpose, dated; the row stays. Withdrawing sensitive
   * processing stops further notes and answers about the party; what was written stays sealed.
   */
  @Transactional
  public List<ConsentView> withdraw(
      CaseId id, PartyRole party, ConsentPurpose purpose, Actor actor) {
    CaseRef ref = writable(id, actor);
    partyProblem(ref.id(), party)
        .ifPresent(
            p -> {
              throw new DomainException(List.of(p));
            });
    if (purpose == null) {
      throw DomainException.of("purposes", "consent.purposes.required");
    }
    List<UUID> withdrawn =
        jdbc.sql(
                """
                update casework.consent set withdrawn_at = :at, withdrawn_by = :by
                 where case_id = :case and party = :party and purpose = :purpose
                   and withdrawn_at is null
                returning id""")
            .param("at", java.sql.Timestamp.from(clock.instant()))
            .param("by", actor.username())
            .param("case", ref.id())
            .param("party", party.name())
            .param("purpose", purpose.name())
            .query(UUID.class)
            .list();
    if (withdrawn.isEmpty()) {
      throw DomainException.of("purposes", "consent.notInForce");
    }
    withdrawn.forEach(w -> audit.recordWrite("consent.withdraw", "consent", w.toString()));
    return rows(ref.id(), party, true);
  }

  private CaseRef writable(CaseId id, Actor actor) {
    CaseRef ref = access.find(id.value(), actor, true);
    policy.requireWorks(ref);
    if (ref.closed()) {
      throw DomainException.of(null, "case.closed");
    }
    return ref;
  }

  /** A missing party, or one the case does not have, told at the field "party". */
  java.util.Optional<FieldProblem> partyProblem(UUID caseId, PartyRole party) {
    if (party == null) {
      return java.util.Optional.of(
          new FieldProblem("party", "consent.party.required", new Object[0]));
    }
    boolean present =
        jdbc.sql("select count(*) from casework.case_party where case_id = :id and role = :role")
                .param("id", caseId)
                .param("role", party.name())
                .query(Long.class)
                .single()
            > 0;
    return present
        ? java.util.Optional.empty()
        : java.util.Optional.of(new FieldProblem("party", "consent.party.unknown", new Object[0]));
  }

  private List<ConsentView> rows(UUID caseId, PartyRole party, boolean inForceOnly) {
    return jdbc.sql(
            """
            select id, party, purpose, given_at, recorded_by, withdrawn_at, withdrawn_by
              from casework.consent
             where case_id = :case and (cast(:party as varchar) is null or party = :party)
               and (not :inForce or withdrawn_at is null)
             order by given_at, purpose""")
        .param("case", caseId)
        .param("party", party == null ? null : party.name())
        .param("inForce", inForceOnly)
        .query(
            (rs, n) ->
                new ConsentView(
                    rs.getObject("id", UUID.class),
                    PartyRole.valueOf(rs.getString("party")),
                    ConsentPurpose.valueOf(rs.getString("purpose")),
                    rs.getTimestamp("given_at").toInstant(),
                    names.display(rs.getString("recorded_by")),
                    rs.getTimestamp("withdrawn_at") == null
                        ? null
                        : rs.getTimestamp("withdrawn_at").toInstant(),
                    names.display(rs.getString("withdrawn_by"))))
        .list();
  }
}
