package org.huhang;

import java.util.UUID;
import org.huhang.shared.person.PersonalDataProtector;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Counseling cases the endpoint probe asks about until the demo data has its own: one HIGH case in
 * each county the probe visits (371602, 无棣 371623 at its manager's center with counselor-371623 on
 * the team, 邹平 371681), each with a consent, a screening and a safety referral. Written once, found
 * again by who opened them.
 */
public final class ProbeCases {

  static final String OPENED_BY = "endpoint-probe";

  private ProbeCases() {}

  public static String of(String county, JdbcClient jdbc) {
    String like = county.equals("371600") ? "/370000/371600/%" : "/370000/371600/" + county + "/%";
    return jdbc.sql(
            "select id::text from casework.counseling_case where opened_by = :by"
                + " and region_path like :p order by region_path limit 1")
        .param("by", OPENED_BY)
        .param("p", like)
        .query(String.class)
        .optional()
        .orElse(null);
  }

  public static synchronized void ensure(JdbcClient jdbc, PersonalDataProtector protector) {
    for (String county : new String[] {"371602", "371623", "371681"}) {
      if (of(county, jdbc) != null) {
        continue;
      }
      String center =
          county.equals("371623")
              ? "select c.id, c.region_path from center.center c join identity.app_user u"
                  + " on u.id = c.manager_user_id where u.username = 'manager-371623'"
                  + " order by c.created_at, c.id limit 1"
              : "select id, region_path from center.center where region_path like :p"
                  + " order by created_at, id limit 1";
      var row =
          jdbc.sql(center)
              .param("p", "/370000/371600/" + county + "/%")
              .query((rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2)})
              .optional()
              .orElse(null);
      if (row == null) {
        continue;
      }
      UUID id = UUID.randomUUID();
      jdbc.sql(
              """
              insert into casework.counseling_case (id, center_id, region_path, stage, status,
                     opened_by, opened_on, created_at, source, risk)
              values (:id, :center, :path, 'MARRIAGE', 'OPEN', :by, current_date - 30,
                      now() - interval '30 days', 'WALK_IN', 'HIGH')""")
          .param("id", id)
          .param("center", row[0])
          .param("path", row[1])
          .param("by", OPENED_BY)
          .update();
      jdbc.sql(
              """
              insert into casework.case_party (case_id, role, name, gender, birth_date) values
                (:id, 'A', '探针甲', 'FEMALE', date '1990-01-01'),
                (:id, 'B', '探针乙', 'MALE', date '1989-01-01')""")
          .param("id", id)
          .update();
      if (county.equals("371623")) {
        jdbc.sql(
                """
                insert into casework.team_member (id, case_id, volunteer_id, user_id, name, lead,
                       assigned_by, assigned_at)
                select gen_random_uuid(), :id, gen_random_uuid(), u.id, u.display_name, true,
                       :by, now() from identity.app_user u where u.username = 'counselor-371623'""")
            .param("id", id)
            .param("by", OPENED_BY)
            .update();
      }
      jdbc.sql(
              """
              insert into casework.consent (id, case_id, party, purpose, given_at, recorded_by)
              values (gen_random_uuid(), :id, 'A', 'COUNSELING', now(), :by),
                     (gen_random_uuid(), :id, 'A', 'SENSITIVE_PROCESSING', now(), :by)""")
          .param("id", id)
          .param("by", OPENED_BY)
          .update();
      jdbc.sql(
              """
              insert into casework.screening (id, case_id, party, answers_cipher, risk,
                     screened_at, screened_by)
              values (gen_random_uuid(), :id, 'A', :cipher, 'HIGH', now(), :by)""")
          .param("id", id)
          .param(
              "cipher",
              protector.encrypt(
                  "{\"physicalViolence\":true,\"threatToKill\":false,\"strangulation\":true,"
                      + "\"weapon\":false,\"escalation\":false,\"controlling\":false,"
                      + "\"fear\":true,\"childrenExposed\":false,\"protectiveOrder\":false}"))
          .param("by", OPENED_BY)
          .update();
      jdbc.sql(
              """
              insert into casework.safety_referral (id, case_id, kind, made_on, on_behalf,
                     recorded_by, recorded_at)
              values (gen_random_uuid(), :id, 'PROTECTION_ORDER', current_date - 2, true, :by,
                      now())""")
          .param("id", id)
          .param("by", OPENED_BY)
          .update();
    }
  }
}
