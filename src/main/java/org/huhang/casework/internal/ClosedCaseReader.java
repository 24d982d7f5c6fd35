package org.huhang.casework.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.huhang.audit.AuditTrail;
import org.huhang.casework.CaseId;
import org.huhang.casework.CaseParty;
import org.huhang.casework.CasePeople;
import org.huhang.casework.ClosedCaseRecord;
import org.huhang.casework.RelatedPerson;
import org.huhang.casework.SessionNotes;
import org.huhang.shared.Actor;
import org.huhang.shared.DomainException;
import org.huhang.shared.person.PersonalDataProtector;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads a closed case whole, for its center's manager to draft teaching material from: numbers and
 * notes decrypted, each decryption audited as a sensitive read. Nothing of it is logged.
 */
@Component
public class ClosedCaseReader {

  private final CaseAccess access;
  private final CaseworkPolicy policy;
  private final CaseFile cases;
  private final PersonalDataProtector protector;
  private final JdbcClient jdbc;
  private final AuditTrail audit;

  ClosedCaseReader(
      CaseAccess access,
      CaseworkPolicy policy,
      CaseFile cases,
      PersonalDataProtector protector,
      JdbcClient jdbc,
      AuditTrail audit) {
    this.access = access;
    this.policy = policy;
    this.cases = cases;
    this.protector = protector;
    this.jdbc = jdbc;
    this.audit = audit;
  }

  @Transactional
  public ClosedCaseRecord read(CaseId id, Actor actor) {
    CaseRef ref = access.find(id.value(), actor);
    policy.requireManages(ref);
    // Drafting reads the notes: the center's manager works the case and reads them; an
    // administrator sees that sessions happened, never what was said, so it drafts nothing.
    policy.requireSensitive(ref);
    if (!ref.closed()) {
      throw DomainException.of(null, "case.teaching.notClosed");
    }
    CounselingCase caze = cases.load(ref.id());
    List<CaseParty> parties = parties(caze);
    List<SessionNotes> sessions = new ArrayList<>();
    jdbc.sql(
            """
            select id, notes_cipher from casework.session
             where case_id = :case and status = 'HELD' and notes_cipher is not null
             order by scheduled_at""")
        .param("case", caze.id())
        .query(
            rs -> {
              sessions.add(SessionNotesJson.read(protector.decrypt(rs.getBytes("notes_cipher"))));
              audit.recordSensitiveRead("session.notes", rs.getObject("id", UUID.class).toString());
            });
    String arrangements = null;
    if (caze.outcomeCipher() != null) {
      arrangements = protector.decrypt(caze.outcomeCipher());
      audit.recordSensitiveRead("case-outcome", caze.id().toString());
    }
    audit.recordSensitiveRead("case.teaching-source", caze.id().toString());
    return new ClosedCaseRecord(
        new CaseId(caze.id()),
        caze.centerId(),
        caze.regionPath(),
        caze.stage(),
        caze.issueCategories(),
        caze.risk(),
        caze.outcome(),
        arrangements,
        caze.openedOn(),
        caze.closedOn(),
        parties,
        relatives(caze),
        sessions);
  }

  /**
   * The people of a case the actor manages, to check a teaching case against: names, and numbers
   * decrypted (the read audited). Its center's manager or an administrator of its region (the
   * county's second approval); no notes are read, so no sensitive-text permission is needed.
   */
  // A case not found leaves the caller's transaction to commit: teaching then checks without names.
  @Transactional(noRollbackFor = org.huhang.shared.NotFoundException.class)
  public CasePeople people(CaseId id, Actor actor) {
    CaseRef ref = access.find(id.value(), actor);
    policy.requireManages(ref);
    CounselingCase caze = cases.load(ref.id());
    CasePeople people = new CasePeople(parties(caze), relatives(caze));
    audit.recordSensitiveRead("case.teaching-check", caze.id().toString());
    return people;
  }

  private List<CaseParty> parties(CounselingCase caze) {
    List<CaseParty> parties = new ArrayList<>();
    caze.parties()
        .forEach(
            (role, p) ->
                parties.add(
                    new CaseParty(
                        role,
                        p.name(),
                        p.gender(),
                        p.birthDate(),
                        p.idNumberCipher() == null ? null : protector.decrypt(p.idNumberCipher()),
                        p.phoneCipher() == null ? null : protector.decrypt(p.phoneCipher()))));
    return parties;
  }

  private static List<RelatedPerson> relatives(CounselingCase caze) {
    return caze.relatives().stream()
        .map(r -> new RelatedPerson(r.relation(), r.name(), r.birthDate()))
        .toList();
  }
}
