package org.huhang.volunteer.internal;

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

/** The person's volunteer record, found by its identity number. */
@Component
class VolunteerPersonRecords implements PersonRecords {

  private final JdbcClient jdbc;
  private final PersonalDataProtector protector;

  VolunteerPersonRecords(JdbcClient jdbc, PersonalDataProtector protector) {
    this.jdbc = jdbc;
    this.protector = protector;
  }

  @Override
  public List<PersonRecord> find(String idNumber, String phone) {
    if (idNumber == null) {
      return List.of();
    }
    return jdbc.sql(
            """
            select id, region_path, joined_on, status from volunteer.volunteer
             where id_number_hash = :h""")
        .param("h", protector.lookupHash(idNumber))
        .query(
            (rs, n) ->
                new PersonRecord(
                    "VOLUNTEER",
                    rs.getObject("id", UUID.class).toString(),
                    rs.getString("region_path"),
                    rs.getObject("joined_on", LocalDate.class),
                    rs.getString("status"),
                    "/volunteers/" + rs.getObject("id", UUID.class)))
        .list();
  }

  @Override
  public List<Field> copy(PersonRecord record) {
    List<Field> out = new ArrayList<>();
    jdbc.sql(
            """
            select name, gender, birth_date, id_number_cipher, phone_cipher, background,
                   specialities, dialects, status, joined_on from volunteer.volunteer where id = :id""")
        .param("id", UUID.fromString(record.id()))
        .query(
            (rs, n) -> {
              out.add(new Field("姓名", rs.getString("name")));
              out.add(new Field("性别", "MALE".equals(rs.getString("gender")) ? "男" : "女"));
              out.add(
                  new Field("出生日期", String.valueOf(rs.getObject("birth_date", LocalDate.class))));
              out.add(new Field("身份证号", protector.decrypt(rs.getBytes("id_number_cipher"))));
              out.add(new Field("电话", protector.decrypt(rs.getBytes("phone_cipher"))));
              out.add(new Field("背景", rs.getString("background")));
              out.add(
                  new Field(
                      "专长", String.join("、", (String[]) rs.getArray("specialities").getArray())));
              out.add(
                  new Field("方言", String.join("、", (String[]) rs.getArray("dialects").getArray())));
              out.add(new Field("状态", rs.getString("status")));
              out.add(
                  new Field("加入日期", String.valueOf(rs.getObject("joined_on", LocalDate.class))));
              return null;
            })
        .list();
    return out;
  }
}
