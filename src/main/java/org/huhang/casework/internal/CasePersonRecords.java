package org.huhang.casework.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.huhang.casework.CaseStatus;
import org.huhang.casework.PartyRole;
import org.huhang.shared.Actor;
import org.huhang.shared.CurrentActor;
import org.huhang.shared.DomainException;
import org.huhang.shared.LegalTime;
import org.huhang.shared.NotFoundException;
import org.huhang.shared.person.PersonalDataProtector;
import org.huhang.shared.rights.Erasure;
import org.huhang.shared.rights.PersonField;
import org.huhang.shared.rights.PersonRecord;
import org.huhang.shared.rights.PersonRecord.Field;
import org.huhang.shared.rights.PersonRecords;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The counseling cases in which the person is a party, and the copy of what each holds about it:
 * its own details, the case's stage, dates and outcome, its consents, the days of its sessions and
 * screenings. Not the session notes or screening answers: they tell of the other party too, and are
 * released only after a case-by-case review (PRIVACY.md §6).
 *
 * <p>A party's name and phone may be corrected here (its gender and birth date too when it has no
 * identity number). A closed case's party may be erased: anonymised as retention anonymises it,
 * with its own screening answers; the case's shared texts go too once no party of it is named. An
 * open case is not erased: the counseling still needs its record.
 */
@Component
class CasePersonRecords implements PersonRecords {

  static final String KIND = "COUNSELING_CASE";

  private final JdbcClient jdbc;
  private final PersonalDataProtector protector;
  private final CaseFile cases;
  private final CaseRetention retention;
  private final Clock clock;

  CasePersonRecords(
      JdbcClient jdbc,
      PersonalDataProtector protector,
      CaseFile cases,
      CaseRetention retention,
      Clock clock) {
    this.jdbc = jdbc;
    this.protector = protector;
    this.cases = cases;
    this.retention = retention;
    this.clock = clock;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public List<PersonRecord> find(String idNumber, String phone) {
    return jdbc.sql(
            """
            select c.id, c.region_path, c.opened_on, c.stage, c.status, p.role,
                   p.id_number_hash is not null as has_id,
                   exists (select 1 from casework.case_party o
                            where o.case_id = c.id and o.role <> p.role
                              and o.name <> :anonymous) as other_named
              from casework.case_party p join casework.counseling_case c on c.id = p.case_id
             where p.id_number_hash = :id or p.phone_hash = :phone
             order by c.opened_on, c.id""")
        .param("id", idNumber == null ? null : protector.lookupHash(idNumber))
        .param("phone", phone == null ? null : protector.lookupHash(phone))
        .param("anonymous", CaseRetention.ANONYMOUS)
        .query(
            (rs, n) ->
                new PersonRecord(
                    KIND,
                    rs.getObject("id", UUID.class) + ":" + rs.getString("role"),
                    rs.getString("region_path"),
                    rs.getObject("opened_on", LocalDate.class),
                    "case.stage."
                        + rs.getString("stage")
                        + "/case.status."
                        + rs.getString("status"),
                    "/cases/" + rs.getObject("id", UUID.class),
                    CounselingCase.correctable(rs.getBoolean("has_id")),
                    erasure(rs.getString("status"), rs.getBoolean("other_named"))))
        .list();
  }

  private static Erasure erasure(String status, boolean otherNamed) {
    if (!CaseStatus.CLOSED.name().equals(status)) {
      return Erasure.refused("case.rights.erase.open");
    }
    return otherNamed
        ? Erasure.allowed("case.rights.erase.removes.party", "case.rights.erase.keeps.party")
        : Erasure.allowed("case.rights.erase.removes.whole", "case.rights.erase.keeps.whole");
  }

  /** A record's id: the case and the party's role in it. */
  private record Key(UUID caseId, PartyRole role) {

    static Optional<Key> of(String id) {
      String[] parts = id == null ? new String[0] : id.split(":");
      if (parts.length != 2 || !(parts[1].equals("A") || parts[1].equals("B"))) {
        return Optional.empty();
      }
      try {
        return Optional.of(new Key(UUID.fromString(parts[0]), PartyRole.valueOf(parts[1])));
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }
  }

  @Override
  public void correct(PersonRecord record, PersonField field, String value) {
    Key key = Key.of(record.id()).orElseThrow(() -> new NotFoundException("case"));
    CounselingCase caze = cases.load(key.caseId());
    caze.correctParty(
        key.role(),
        field,
        value,
        CurrentActor.find().map(Actor::username).orElse("system"),
        LocalDate.now(clock.withZone(LegalTime.ZONE)),
        protector);
    cases.save(caze);
  }

  @Override
  public boolean erase(PersonRecord record) {
    Key key = Key.of(record.id()).orElseThrow(() -> new NotFoundException("case"));
    Optional<String> status =
        jdbc.sql("select status from casework.counseling_case where id = :id for update")
            .param("id", key.caseId())
            .query(String.class)
            .optional();
    if (status.isEmpty()) {
      return false;
    }
    if (!CaseStatus.CLOSED.name().equals(status.get())) {
      throw DomainException.of(null, "case.rights.erase.open");
    }
    boolean named =
        jdbc.sql(
                    """
                select count(*) from casework.case_party
                 where case_id = :c and role = :r and name <> :anonymous""")
                .param("c", key.caseId())
                .param("r", key.role().name())
                .param("anonymous", CaseRetention.ANONYMOUS)
                .query(Long.class)
                .single()
            > 0;
    if (!named) {
      return false;
    }
    retention.anonymiseParty(key.caseId(), key.role());
    boolean anyoneNamed =
        jdbc.sql(
                    """
                select count(*) from casework.case_party
                 where case_id = :c and name <> :anonymous""")
                .param("c", key.caseId())
                .param("anonymous", CaseRetention.ANONYMOUS)
                .query(Long.class)
                .single()
            > 0;
    if (!anyoneNamed) {
      retention.anonymise(new UUID[] {key.caseId()});
    }
    return true;
  }

  @Override
  public Optional<String> erasedIn(String id) {
    return Key.of(id)
        .flatMap(
            key ->
                jdbc.sql(
                        """
                        select c.region_path
                          from casework.case_party p
                          join casework.counseling_case c on c.id = p.case_id
                         where p.case_id = :c and p.role = :r and p.name = :anonymous""")
                    .param("c", key.caseId())
                    .param("r", key.role().name())
                    .param("anonymous", CaseRetention.ANONYMOUS)
                    .query(String.class)
                    .optional());
  }

  @Override
  public List<Field> copy(PersonRecord record) {
    String[] parts = record.id().split(":");
    UUID caseId = UUID.fromString(parts[0]);
    String role = parts[1];
    List<Field> out = new ArrayList<>();
    jdbc.sql(
            """
            select p.name, p.gender, p.birth_date, p.id_number_cipher, p.phone_cipher,
                   c.stage, c.status, c.opened_on, c.closed_on, c.outcome, c.anonymised_on
              from casework.case_party p join casework.counseling_case c on c.id = p.case_id
             where p.case_id = :c and p.role = :r""")
        .param("c", caseId)
        .param("r", role)
        .query(
            (rs, n) -> {
              out.add(new Field("姓名", rs.getString("name")));
              out.add(new Field("性别", "MALE".equals(rs.getString("gender")) ? "男" : "女"));
              out.add(
                  new Field("出生日期", String.valueOf(rs.getObject("birth_date", LocalDate.class))));
              byte[] id = rs.getBytes("id_number_cipher");
              out.add(new Field("身份证号", id == null ? "—" : protector.decrypt(id)));
              byte[] phone = rs.getBytes("phone_cipher");
              out.add(new Field("电话", phone == null ? "—" : protector.decrypt(phone)));
              out.add(new Field("辅导阶段", rs.getString("stage")));
              out.add(new Field("状态", rs.getString("status")));
              out.add(
                  new Field("开案日期", String.valueOf(rs.getObject("opened_on", LocalDate.class))));
              LocalDate closed = rs.getObject("closed_on", LocalDate.class);
              out.add(new Field("结案日期", closed == null ? "—" : closed.toString()));
              out.add(
                  new Field(
                      "辅导结果", rs.getString("outcome") == null ? "—" : rs.getString("outcome")));
              LocalDate anonymised = rs.getObject("anonymised_on", LocalDate.class);
              if (anonymised != null) {
                out.add(new Field("匿名化日期", anonymised.toString()));
              }
              return null;
            })
        .list();
    jdbc.sql(
            """
            select purpose, given_at, withdrawn_at from casework.consent
             where case_id = :c and party = :r order by given_at""")
        .param("c", caseId)
        .param("r", role)
        .query(
            (rs, n) -> {
              out.add(
                  new Field(
                      "知情同意 " + rs.getString("purpose"),
                      rs.getTimestamp("given_at").toInstant()
                          + (rs.getTimestamp("withdrawn_at") == null
                              ? ""
                              : "（撤回于 " + rs.getTimestamp("withdrawn_at").toInstant() + "）")));
              return null;
            })
        .list();
    jdbc.sql(
            """
            select scheduled_at, status from casework.session
             where case_id = :c and (attendees = :r or attendees = 'BOTH') order by scheduled_at""")
        .param("c", caseId)
        .param("r", role)
        .query(
            (rs, n) -> {
              out.add(
                  new Field(
                      "会谈",
                      rs.getTimestamp("scheduled_at").toInstant() + " " + rs.getString("status")));
              return null;
            })
        .list();
    out.add(new Field("说明", "会谈记录和安全评估答案涉及对方的信息，需经个案审核后另行提供。"));
    return out;
  }
}
