package org.huhang;

import java.util.UUID;
import org.huhang.shared.person.PersonalDataProtector;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Online bookings the endpoint probe asks about: one waiting booking in each county it visits, at
 * the center its cases are at (无棣's at manager-371623's center). Written once, found again by their
 * reference.
 */
final class ProbeBookings {

  private ProbeBookings() {}

  static String of(String county, JdbcClient jdbc) {
    String like = county.equals("371600") ? "/370000/371600/%" : "/370000/371600/" + county + "/%";
    return jdbc.sql(
            "select id::text from selfservice.booking where reference ~ '^PROBE[0-9]+$'"
                + " and region_path like :p order by region_path limit 1")
        .param("p", like)
        .query(String.class)
        .optional()
        .orElse(null);
  }

  /** A center of the county that takes bookings (the probe case's, so a manager is its own). */
  static String centerOf(String county, JdbcClient jdbc) {
    return jdbc.sql("select center_id::text from selfservice.booking where reference = :r")
        .param("r", "PROBE" + county)
        .query(String.class)
        .optional()
        .orElse(null);
  }

  /**
   * The probe case of the county, which a second probe booking (PROBEA…) was accepted into: what
   * {@code /bookings/of-case/{caseId}} is asked about.
   */
  static String caseOf(String county, JdbcClient jdbc) {
    String like = county.equals("371600") ? "/370000/371600/%" : "/370000/371600/" + county + "/%";
    return jdbc.sql(
            "select case_id::text from selfservice.booking where reference like 'PROBEA%'"
                + " and region_path like :p order by region_path limit 1")
        .param("p", like)
        .query(String.class)
        .optional()
        .orElse(null);
  }

  static synchronized void ensure(JdbcClient jdbc, PersonalDataProtector protector) {
    for (String county : new String[] {"371602", "371623", "371681"}) {
      if (of(county, jdbc) != null) {
        continue;
      }
      var row =
          jdbc.sql(
                  "select center_id, region_path, id from casework.counseling_case"
                      + " where opened_by = 'endpoint-probe' and region_path like :p limit 1")
              .param("p", "/370000/371600/" + county + "/%")
              .query(
                  (rs, n) ->
                      new Object[] {
                        rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class)
                      })
              .optional()
              .orElse(null);
      if (row == null) {
        continue;
      }
      jdbc.sql(
              """
              insert into selfservice.booking (id, reference, center_id, region_path, phone_hash,
                     phone_cipher, person_cipher, topic, slot_date, half_day, together,
                     safety_concern, status, created_at, updated_at)
              values (gen_random_uuid(), :ref, :center, :path, :hash, :phone, :person,
                      'RELATIONSHIP', current_date + 3, 'AM', false, false, 'REQUESTED', now(),
                      now())""")
          .param("ref", "PROBE" + county)
          .param("center", row[0])
          .param("path", row[1])
          .param("hash", protector.lookupHash("phone:13800000000"))
          .param("phone", protector.encrypt("13800000000"))
          .param(
              "person",
              protector.encrypt(
                  "{\"name\":\"探针预约\",\"gender\":\"FEMALE\",\"birthDate\":\"1990-01-01\"}"))
          .update();
      jdbc.sql(
              """
              insert into selfservice.booking (id, reference, center_id, region_path, phone_hash,
                     phone_cipher, person_cipher, topic, slot_date, half_day, together,
                     safety_concern, status, case_id, decided_by, decided_at, created_at,
                     updated_at)
              values (gen_random_uuid(), :ref, :center, :path, :hash, :phone, :person,
                      'RELATIONSHIP', current_date - 3, 'AM', false, false, 'ACCEPTED', :case,
                      'endpoint-probe', now(), now(), now())""")
          .param("ref", "PROBEA" + county)
          .param("center", row[0])
          .param("path", row[1])
          .param("case", row[2])
          .param("hash", protector.lookupHash("phone:13800000000"))
          .param("phone", protector.encrypt("13800000000"))
          .param(
              "person",
              protector.encrypt(
                  "{\"name\":\"探针预约\",\"gender\":\"FEMALE\",\"birthDate\":\"1990-01-01\"}"))
          .update();
    }
  }
}
