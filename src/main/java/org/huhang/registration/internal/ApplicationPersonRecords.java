package org.huhang.registration.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.huhang.shared.ConflictException;
import org.huhang.shared.DomainException;
import org.huhang.shared.NotFoundException;
import org.huhang.shared.person.PersonalDataProtector;
import org.huhang.shared.rights.Corrections;
import org.huhang.shared.rights.Erasure;
import org.huhang.shared.rights.PersonField;
import org.huhang.shared.rights.PersonRecord;
import org.huhang.shared.rights.PersonRecord.Field;
import org.huhang.shared.rights.PersonRecords;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The divorce applications in which the person is a party (A or B), and the copy of its own details
 * and the application's dates and outcome; never the other party's.
 *
 * <p>Only the phone is corrected here: the rest is the registration's record, entered by the
 * registration office from the documents and corrected by it. An application is never erased: it
 * belongs to the marriage registration archive, which the law requires to be kept (PIPL art. 47, a
 * retention period set by law or regulation that has not ended).
 */
@Component
class ApplicationPersonRecords implements PersonRecords {

  static final String KIND = "DIVORCE_APPLICATION";

  private static final Erasure KEPT = Erasure.refused("application.rights.erase.kept");

  private final JdbcClient jdbc;
  private final PersonalDataProtector protector;
  private final DivorceApplicationRepository applications;

  ApplicationPersonRecords(
      JdbcClient jdbc, PersonalDataProtector protector, DivorceApplicationRepository applications) {
    this.jdbc = jdbc;
    this.protector = protector;
    this.applications = applications;
  }

  @Override
  public String kind() {
    return KIND;
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
                    KIND,
                    rs.getObject("id", UUID.class) + ":" + rs.getString("side"),
                    rs.getString("region_path"),
                    rs.getObject("received_on", LocalDate.class),
                    "outcome." + rs.getString("outcome"),
                    "/registrations/" + rs.getObject("id", UUID.class),
                    List.of(PersonField.PHONE),
                    KEPT))
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

  @Override
  public void correct(PersonRecord record, PersonField field, String value) {
    if (field != PersonField.PHONE) {
      throw DomainException.of(field.code(), "application.rights.correct.registration");
    }
    String[] parts = record.id().split(":");
    DivorceApplication application =
        applications
            .findLockedById(UUID.fromString(parts[0]))
            .orElseThrow(() -> new NotFoundException("application"));
    application.correctPhone("a".equals(parts[1]), Corrections.phone(value), protector);
    try {
      applications.save(application);
    } catch (OptimisticLockingFailureException e) {
      throw ConflictException.of(null, "application.rights.correct.conflict");
    }
  }

  @Override
  public boolean erase(PersonRecord record) {
    throw DomainException.of(null, "application.rights.erase.kept");
  }

  @Override
  public Optional<String> erasedIn(String id) {
    return Optional.empty();
  }
}
