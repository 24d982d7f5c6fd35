package org.huhang.volunteer.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.huhang.shared.DomainException;
import org.huhang.shared.LegalTime;
import org.huhang.shared.NotFoundException;
import org.huhang.shared.person.PersonalDataProtector;
import org.huhang.shared.rights.Corrections;
import org.huhang.shared.rights.Erasure;
import org.huhang.shared.rights.PersonField;
import org.huhang.shared.rights.PersonRecord;
import org.huhang.shared.rights.PersonRecord.Field;
import org.huhang.shared.rights.PersonRecords;
import org.huhang.volunteer.VolunteerId;
import org.huhang.volunteer.VolunteerNameChanged;
import org.huhang.volunteer.VolunteerStatus;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The person's volunteer record, found by its identity number. Its name and phone may be corrected
 * here; it may be erased once the volunteer has left the service, keeping its counts.
 */
@Component
class VolunteerPersonRecords implements PersonRecords {

  static final String KIND = "VOLUNTEER";

  private final JdbcClient jdbc;
  private final PersonalDataProtector protector;
  private final VolunteerRepository volunteers;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  VolunteerPersonRecords(
      JdbcClient jdbc,
      PersonalDataProtector protector,
      VolunteerRepository volunteers,
      ApplicationEventPublisher events,
      Clock clock) {
    this.jdbc = jdbc;
    this.protector = protector;
    this.volunteers = volunteers;
    this.events = events;
    this.clock = clock;
  }

  @Override
  public String kind() {
    return KIND;
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
                    KIND,
                    rs.getObject("id", UUID.class).toString(),
                    rs.getString("region_path"),
                    rs.getObject("joined_on", LocalDate.class),
                    "volunteer.status." + rs.getString("status"),
                    "/volunteers/" + rs.getObject("id", UUID.class),
                    Volunteer.CORRECTABLE,
                    VolunteerStatus.LEFT.name().equals(rs.getString("status"))
                        ? Erasure.allowed(
                            "volunteer.rights.erase.removes", "volunteer.rights.erase.keeps")
                        : Erasure.refused("volunteer.rights.erase.active")))
        .list();
  }

  @Override
  public void correct(PersonRecord record, PersonField field, String value) {
    Volunteer volunteer = load(record.id());
    Instant now = clock.instant();
    switch (field) {
      case NAME -> volunteer.correctName(value, now);
      case PHONE -> volunteer.correctPhone(Corrections.phone(value), protector, now);
      default -> throw DomainException.of(field.code(), "volunteer.rights.correct.followsIdNumber");
    }
    volunteers.save(volunteer);
    if (field == PersonField.NAME) {
      events.publishEvent(new VolunteerNameChanged(new VolunteerId(volunteer.getId())));
    }
  }

  @Override
  public boolean erase(PersonRecord record) {
    UUID id = UUID.fromString(record.id());
    boolean due =
        jdbc.sql("select anonymised_on is null from volunteer.volunteer where id = :id for update")
            .param("id", id)
            .query(Boolean.class)
            .optional()
            .orElse(false);
    if (!due) {
      return false;
    }
    Volunteer volunteer = load(record.id());
    volunteer.anonymise(LocalDate.now(clock.withZone(LegalTime.ZONE)), clock.instant());
    volunteers.save(volunteer);
    // A certificate's number and issuer name the person; no figure counts a departed one's.
    jdbc.sql("delete from volunteer.qualification where volunteer_id = :id")
        .param("id", id)
        .update();
    events.publishEvent(new VolunteerNameChanged(new VolunteerId(id)));
    return true;
  }

  @Override
  public Optional<String> erasedIn(String id) {
    return PersonRecords.uuid(id)
        .flatMap(
            record ->
                jdbc.sql(
                        """
                        select region_path from volunteer.volunteer
                         where id = :id and anonymised_on is not null""")
                    .param("id", record)
                    .query(String.class)
                    .optional());
  }

  private Volunteer load(String id) {
    return volunteers
        .findById(UUID.fromString(id))
        .orElseThrow(() -> new NotFoundException("volunteer"));
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
