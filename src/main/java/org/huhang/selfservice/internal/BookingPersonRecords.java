package org.huhang.selfservice.internal;

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

/** The online bookings made from the person's mobile number, with its own questionnaire answers. */
@Component
class BookingPersonRecords implements PersonRecords {

  private final JdbcClient jdbc;
  private final PersonalDataProtector protector;

  BookingPersonRecords(JdbcClient jdbc, PersonalDataProtector protector) {
    this.jdbc = jdbc;
    this.protector = protector;
  }

  @Override
  public List<PersonRecord> find(String idNumber, String phone) {
    if (phone == null) {
      return List.of();
    }
    return jdbc.sql(
            """
            select id, region_path, slot_date, status, reference from selfservice.booking
             where phone_hash = :h order by slot_date, id""")
        .param("h", protector.lookupHash("phone:" + phone))
        .query(
            (rs, n) ->
                new PersonRecord(
                    "BOOKING",
                    rs.getObject("id", UUID.class).toString(),
                    rs.getString("region_path"),
                    rs.getObject("slot_date", LocalDate.class),
                    rs.getString("reference") + "/" + rs.getString("status"),
                    "/bookings/" + rs.getObject("id", UUID.class)))
        .list();
  }

  @Override
  public List<Field> copy(PersonRecord record) {
    UUID id = UUID.fromString(record.id());
    List<Field> out = new ArrayList<>();
    jdbc.sql(
            """
            select reference, slot_date, half_day, topic, status, phone_cipher, person_cipher,
                   message_cipher from selfservice.booking where id = :id""")
        .param("id", id)
        .query(
            (rs, n) -> {
              out.add(new Field("预约编号", rs.getString("reference")));
              out.add(
                  new Field(
                      "预约时间",
                      rs.getObject("slot_date", LocalDate.class) + " " + rs.getString("half_day")));
              out.add(new Field("主题", rs.getString("topic")));
              out.add(new Field("状态", rs.getString("status")));
              byte[] phone = rs.getBytes("phone_cipher");
              out.add(new Field("手机号", phone == null ? "—" : protector.decrypt(phone)));
              byte[] person = rs.getBytes("person_cipher");
              if (person != null) {
                SealedPerson p = SealedPerson.of(protector.decrypt(person));
                out.add(new Field("姓名", p.name()));
                out.add(new Field("出生日期", p.birthDate().toString()));
              }
              byte[] message = rs.getBytes("message_cipher");
              out.add(new Field("留言", message == null ? "—" : protector.decrypt(message)));
              return null;
            })
        .list();
    jdbc.sql(
            """
            select kind, answers_cipher from selfservice.answer
             where booking_id = :id and answers_cipher is not null order by kind""")
        .param("id", id)
        .query(
            (rs, n) -> {
              var answered =
                  QuestionnaireJson.answered(
                      org.huhang.selfservice.QuestionnaireKind.valueOf(rs.getString("kind")),
                      protector.decrypt(rs.getBytes("answers_cipher")),
                      null,
                      java.time.Instant.EPOCH);
              for (var item : answered.items()) {
                String value =
                    item.text() != null
                        ? item.text()
                        : item.scale() != null
                            ? item.scale() + " 分"
                            : item.chosen().isEmpty() ? "—" : String.join("；", item.chosen());
                out.add(new Field(answered.title() + "：" + item.question().text(), value));
              }
              return null;
            })
        .list();
    return out;
  }
}
