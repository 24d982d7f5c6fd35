package org.huhang.teaching;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A teaching-case draft for the endpoint probes, one per county, at the county's first center (in
 * 无棣县 manager-371623's): a draft, because only a draft is scoped; a published case is every
 * county's material and would answer 2xx outside the asker's county by design.
 */
public final class ProbeTeaching {

  public static final String TITLE = "探针教学案例";

  private ProbeTeaching() {}

  /** The county's probe draft, written (and committed) when missing; null without a center. */
  public static String of(String county, JdbcClient jdbc) {
    String like = county.equals("371600") ? "/370000/371600/%" : "/370000/371600/" + county + "/%";
    String existing =
        jdbc.sql(
                "select id::text from teaching.teaching_case where region_path like :p"
                    + " and title = :t order by created_at, id limit 1")
            .param("p", like)
            .param("t", TITLE)
            .query(String.class)
            .optional()
            .orElse(null);
    if (existing != null) {
      return existing;
    }
    String center =
        jdbc.sql(
                """
                select c.id::text from center.center c
                  left join identity.app_user u on u.id = c.manager_user_id
                 where c.region_path like :p
                 order by (u.username = 'manager-371623') desc nulls last, c.created_at, c.name, c.id
                 limit 1""")
            .param("p", like)
            .query(String.class)
            .optional()
            .orElse(null);
    if (center == null) {
      return null;
    }
    return jdbc.sql(
            """
            insert into teaching.teaching_case (id, version, source_case_id, center_id, region_path,
                   high_risk, status, stage, issue_categories, title, belief_system, drafted_by,
                   created_at, updated_at)
            select gen_random_uuid(), 0, gen_random_uuid(), c.id, c.region_path, false, 'DRAFT',
                   'MARRIAGE', '{COMMUNICATION}', :t, '探针', 'probe', now(), now()
              from center.center c where c.id = cast(:c as uuid)
            returning id::text""")
        .param("t", TITLE)
        .param("c", center)
        .query(String.class)
        .single();
  }
}
