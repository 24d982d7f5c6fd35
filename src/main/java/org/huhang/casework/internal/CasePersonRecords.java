package org.huhang.casework.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.huhang.shared.person.PersonalDataProtector;
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
 */
@Component
class CasePersonRecords implements PersonRecords {

  private final JdbcClient jdbc;
  private final PersonalDataProtector protector;

  CasePersonRecords(JdbcClient jdbc, PersonalDataProtector protector) {
    this.jdbc = jdbc;
    this.protector = protector;
  }

  @Override
  public List<PersonRecord> find(String idNumber, String phone) {
    return jdbc.sql(
            """
            select c.id, c.region_path, c.opened_on, c.stage, c.status, p.role
              from casework.case_party p join casework.counseling_case c on c.id = p.case_id
             where p.id_number_hash = :id or p.phone_hash = :phone
             order by c.opened_on, c.id""")
        .param("id", idNumber == null ? null : protector.lookupHash(idNumber))
        .param("phone", phone == null ? null : protector.lookupHash(phone))
        .query(
            (rs, n) ->
                new PersonRecord(
                    "COUNSELING_CASE",
                    rs.getObject("id", UUID.class) + ":" + rs.getString("role"),
                    rs.getString("region_path"),
                    rs.getObject("opened_on", LocalDate.class),
                    rs.getString("stage") + "/" + rs.getString("status"),
                    "/cases/" + rs.getObject("id", UUID.class)))
        .list();
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
