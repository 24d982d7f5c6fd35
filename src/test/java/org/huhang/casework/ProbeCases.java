package org.huhang.casework;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The probes' own cases, each with one session begun an hour ago and without notes: in 无棣 at
 * manager-371623's center with counselor-371623 on the team, in 邹平 with counselor-371681, and in 滨城
 * with no team. Party A is named 探针甲, so the probes find them whatever other tests wrote. Until the
 * demo data has cases; written once per database.
 */
public final class ProbeCases {

  /** A session's ({@code s.id}) or its case's ({@code c.id}) id in the region {@code :p}. */
  public static final String SESSION =
      "select %s::text from casework.session s join casework.counseling_case c on c.id = s.case_id"
          + " join casework.case_party p on p.case_id = c.id and p.role = 'A'"
          + " where c.region_path like :p and p.name = '探针甲' order by c.created_at, c.id limit 1";

  private ProbeCases() {}

  public static void ensure(JdbcClient jdbc) {
    String first =
        "select c.id from center.center c where c.region_path like '/370000/371600/%s/%%'"
            + " order by c.created_at, c.name limit 1";
    ensure(
        jdbc,
        "371623",
        "select c.id from center.center c join identity.app_user u on u.id = c.manager_user_id"
            + " where u.username = 'manager-371623' order by c.created_at, c.name limit 1",
        "counselor-371623");
    ensure(jdbc, "371681", first.formatted("371681"), "counselor-371681");
    ensure(jdbc, "371602", first.formatted("371602"), "nobody");
  }

  private static void ensure(JdbcClient jdbc, String county, String centerSql, String counselor) {
    boolean there =
        jdbc.sql(SESSION.formatted("s.id"))
            .param("p", "/370000/371600/" + county + "/%")
            .query(String.class)
            .optional()
            .isPresent();
    if (there) {
      return;
    }
    UUID caze = UUID.randomUUID();
    jdbc.sql(
            "insert into casework.counseling_case (id, center_id, region_path, stage, status,"
                + " source, opened_by, opened_on, created_at) select :id, c.id, c.region_path,"
                + " 'MARRIAGE', 'OPEN', 'WALK_IN', 'probe', current_date, now()"
                + " from center.center c where c.id = ("
                + centerSql
                + ")")
        .param("id", caze)
        .update();
    jdbc.sql(
            "insert into casework.case_party (case_id, role, name, gender, birth_date) values"
                + " (:id, 'A', '探针甲', 'MALE', date '1985-01-01'),"
                + " (:id, 'B', '探针乙', 'FEMALE', date '1986-01-01')")
        .param("id", caze)
        .update();
    jdbc.sql(
            "insert into casework.team_member (id, case_id, volunteer_id, user_id, name, lead,"
                + " assigned_by, assigned_at) select gen_random_uuid(), :id, gen_random_uuid(),"
                + " u.id, u.display_name, true, 'probe', now() from identity.app_user u"
                + " where u.username = :counselor")
        .param("id", caze)
        .param("counselor", counselor)
        .update();
    jdbc.sql(
            "insert into casework.session (id, case_id, scheduled_at, channel, attendees,"
                + " counselors, created_by, created_at) values (gen_random_uuid(), :id,"
                + " now() - interval '1 hour', 'IN_PERSON', 'A', array(select t.user_id from"
                + " casework.team_member t where t.case_id = :id), 'probe', now())")
        .param("id", caze)
        .update();
  }
}
