package org.huhang.selfservice.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.huhang.shared.ConflictException;
import org.huhang.shared.DomainException;
import org.huhang.shared.DomainException.FieldProblem;
import org.huhang.shared.LegalTime;
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
 * The online bookings made from the person's mobile number, with its own questionnaire answers.
 *
 * <p>The person's name, gender, birth date and mobile number may be corrected (a new number is the
 * one the booking answers to from then on). A booking may always be erased: anonymised as retention
 * anonymises it, its answers with it, and cancelled first while it still waits for the manager.
 */
@Component
class BookingPersonRecords implements PersonRecords {

  static final String KIND = "BOOKING";

  private static final Erasure ERASABLE =
      Erasure.allowed("booking.rights.erase.removes", "booking.rights.erase.keeps");

  private final JdbcClient jdbc;
  private final PersonalDataProtector protector;
  private final PhoneCodes phones;
  private final BookingRepository bookings;
  private final BookingRetention retention;
  private final Clock clock;

  BookingPersonRecords(
      JdbcClient jdbc,
      PersonalDataProtector protector,
      PhoneCodes phones,
      BookingRepository bookings,
      BookingRetention retention,
      Clock clock) {
    this.jdbc = jdbc;
    this.protector = protector;
    this.phones = phones;
    this.bookings = bookings;
    this.retention = retention;
    this.clock = clock;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public List<PersonRecord> find(String idNumber, String phone) {
    if (phone == null) {
      return List.of();
    }
    return jdbc.sql(
            """
            select id, region_path, slot_date, status, reference, person_cipher is not null as person
              from selfservice.booking
             where phone_hash = :h order by slot_date, id""")
        .param("h", phones.phoneHash(phone))
        .query(
            (rs, n) ->
                new PersonRecord(
                    KIND,
                    rs.getObject("id", UUID.class).toString(),
                    rs.getString("region_path"),
                    rs.getObject("slot_date", LocalDate.class),
                    rs.getString("reference") + "/booking.status." + rs.getString("status"),
                    "/bookings/" + rs.getObject("id", UUID.class),
                    rs.getBoolean("person")
                        ? List.of(
                            PersonField.NAME,
                            PersonField.PHONE,
                            PersonField.GENDER,
                            PersonField.BIRTH_DATE)
                        : List.of(PersonField.PHONE),
                    ERASABLE))
        .list();
  }

  @Override
  public void correct(PersonRecord record, PersonField field, String value) {
    Booking booking =
        bookings
            .findById(UUID.fromString(record.id()))
            .orElseThrow(() -> new NotFoundException("booking"));
    Instant now = clock.instant();
    if (field == PersonField.PHONE) {
      String mobile = Corrections.mobile(value).value();
      booking.correctPhone(phones.phoneHash(mobile), protector.encrypt(mobile), now);
    } else {
      if (booking.personCipher() == null) {
        throw new NotFoundException("booking person");
      }
      SealedPerson p = SealedPerson.of(protector.decrypt(booking.personCipher()));
      LocalDate today = LocalDate.now(clock.withZone(LegalTime.ZONE));
      SealedPerson corrected =
          field == PersonField.NAME
              ? new SealedPerson(value == null ? null : value.strip(), p.gender(), p.birthDate())
              : field == PersonField.GENDER
                  ? new SealedPerson(p.name(), Corrections.gender(value), p.birthDate())
                  : new SealedPerson(p.name(), p.gender(), Corrections.birthDate(value, today));
      List<FieldProblem> problems =
          BookingRules.person(corrected.name(), corrected.gender(), corrected.birthDate(), today);
      if (!problems.isEmpty()) {
        throw new DomainException(problems);
      }
      booking.correctPerson(protector.encrypt(corrected.json()), now);
    }
    save(booking);
  }

  @Override
  public boolean erase(PersonRecord record) {
    UUID id = UUID.fromString(record.id());
    boolean due =
        jdbc.sql("select anonymised_at is null from selfservice.booking where id = :id for update")
            .param("id", id)
            .query(Boolean.class)
            .optional()
            .orElse(false);
    if (!due) {
      return false;
    }
    Booking booking = bookings.findById(id).orElseThrow();
    booking.withdrawForErasure(LocalDate.now(clock.withZone(LegalTime.ZONE)), clock.instant());
    save(booking);
    retention.anonymise(new UUID[] {id});
    return true;
  }

  private void save(Booking booking) {
    try {
      bookings.save(booking);
    } catch (OptimisticLockingFailureException e) {
      throw ConflictException.of(null, "booking.rights.conflict");
    }
  }

  @Override
  public Optional<String> erasedIn(String id) {
    return PersonRecords.uuid(id)
        .flatMap(
            record ->
                jdbc.sql(
                        """
                        select region_path from selfservice.booking
                         where id = :id and anonymised_at is not null""")
                    .param("id", record)
                    .query(String.class)
                    .optional());
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
