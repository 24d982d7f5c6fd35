package org.huhang.registration.internal;

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
 * The divorce applications in which the person is a party (A or B), and the copy of its own details
 * and the application's dates and outcome; never the other party's.
 */
@Component
class ApplicationPersonRecords implements PersonRecords {

  private final JdbcClient jdbc;
  private final PersonalDataProtector protector;

  ApplicationPersonRecords(JdbcClient jdbc, PersonalDataProtector protector) {
    this.jdbc = jdbc;
    this.protector = protector;
  }

  @Override
  public List<PersonRecord> find(String idNumber, String phone) {
    byte[] id = idNumber == null ? null : protector.lookupHash(idNumber);
    byte[] ph = phone == null ? null : protector.lookupHash(phone);
    return jdbc.sql(
            """
            select id, region_path, received_on, outcome,
                   case when a_id_hash = :id or a_phone_hash = :phone then 'a' else 'b' end as side
              from registration.divorce_application
             where a_id_hash = :id or b_id_hash = :id or a_phone_hash = :phone
                or b_phone_hash = :phone
             order by received_on, id""")
        .param("id", id)
        .param("phone", ph)
        .query(
            (rs, n) ->
                new PersonRecord(
                    "DIVORCE_APPLICATION",
                    rs.getObject("id", UUID.class) + ":" + rs.getString("side"),
                    rs.getString("region_path"),
                    rs.getObject("received_on", LocalDate.class),
                    rs.getString("outcome"),
                    "/registrations/" + rs.getObject("id", UUID.class)))
        .list();
  }

  @Override
  public List<Field> copy(PersonRecord record) {
    String[] parts = record.id().split(":");
    String side = "a".equals(parts[1]) ? "a" : "b";
    List<Field> out = new ArrayList<>();
    jdbc.sql(
            "select "
                + side
                + "_name as name, "
                + side
                + "_birth_date as birth, "
                + side
                + "_id_cipher as idc, "
                + side
                + "_phone_cipher as phc, received_on, marriage_date, withdrawal_deadline,"
                + " outcome, outcome_on from registration.divorce_application where id = :id")
        .param("id", UUID.fromString(parts[0]))
        .query(
            (rs, n) -> {
              out.add(new Field("姓名", rs.getString("name")));
              out.add(new Field("出生日期", String.valueOf(rs.getObject("birth", LocalDate.class))));
              out.add(new Field("身份证号", protector.decrypt(rs.getBytes("idc"))));
              byte[] phone = rs.getBytes("phc");
              out.add(new Field("电话", phone == null ? "—" : protector.decrypt(phone)));
              out.add(
                  new Field("受理日期", String.valueOf(rs.getObject("received_on", LocalDate.class))));
              out.add(
                  new Field(
                      "结婚登记日期", String.valueOf(rs.getObject("marriage_date", LocalDate.class))));
              LocalDate deadline = rs.getObject("withdrawal_deadline", LocalDate.class);
              out.add(new Field("撤回申请截止日", deadline == null ? "—" : deadline.toString()));
              out.add(new Field("办理结果", rs.getString("outcome")));
              LocalDate on = rs.getObject("outcome_on", LocalDate.class);
              out.add(new Field("办理日期", on == null ? "—" : on.toString()));
              return null;
            })
        .list();
    return out;
  }
}
