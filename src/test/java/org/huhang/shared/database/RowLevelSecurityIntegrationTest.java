package org.huhang.shared.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javax.sql.DataSource;
import org.huhang.IntegrationTest;
import org.huhang.shared.DataScope;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The second wall (issue 16, V43): a query that forgets its region filter, run for a county user,
 * still returns only the county's rows; every table with a region path has a policy; the
 * application's role cannot bypass them; a connection without a scope sees none of those rows.
 */
class RowLevelSecurityIntegrationTest extends IntegrationTest {

  private static final DataScope WUDI = new DataScope("/370000/371600/371623/");

  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactions;
  @Autowired MockMvc mvc;

  @Autowired
  @Qualifier("ownerDataSource")
  DataSource owner;

  /** The families' records: a county user sees its county's rows and nothing else. */
  private static final List<String> RECORDS =
      List.of(
          "registration.divorce_application", "casework.counseling_case", "selfservice.booking");

  /**
   * What the city sets up for its counties: also the rows of the regions above, never a sibling's.
   */
  private static final List<String> SHARED =
      List.of("center.center", "volunteer.volunteer", "identity.app_user", "training.course");

  @Test
  void anUnscopedQueryAsACountyUserSeesOnlyItsCounty() {
    for (String table : RECORDS) {
      List<String> everyone = unscoped(table, null);
      List<String> county = unscoped(table, WUDI);
      assertThat(everyone).as(table).anyMatch(p -> !WUDI.covers(p));
      assertThat(county).as(table).isNotEmpty().allMatch(WUDI::covers);
      assertThat(county).as(table).hasSameSizeAs(everyone.stream().filter(WUDI::covers).toList());
    }
    for (String table : SHARED) {
      List<String> everyone = unscoped(table, null);
      List<String> county = unscoped(table, WUDI);
      assertThat(everyone).as(table).anyMatch(RowLevelSecurityIntegrationTest::sibling);
      assertThat(county).as(table).isNotEmpty().noneMatch(RowLevelSecurityIntegrationTest::sibling);
      assertThat(county)
          .as(table)
          .hasSameSizeAs(everyone.stream().filter(p -> !sibling(p)).toList());
    }
  }

  /** A row of another county (or anywhere but Wudi and the regions above it). */
  private static boolean sibling(String path) {
    return !WUDI.covers(path) && !WUDI.regionPath().startsWith(path);
  }

  /**
   * Deliberately no region condition, the query a tired developer writes, run in {@code scope}
   * (null: the system's).
   */
  private List<String> unscoped(String table, DataScope scope) {
    String sql = "select region_path from " + table;
    java.util.function.Supplier<List<String>> read =
        () -> inTransaction(() -> jdbc.sql(sql).query(String.class).list());
    return scope == null ? read.get() : RowScope.as(scope, read);
  }

  @Test
  void aCountOverEveryRegionInsideACountyUsersTransactionSeesEveryRowAndPutsTheScopeBack() {
    String count = "select count(*) from registration.divorce_application";
    long all = inTransaction(() -> jdbc.sql(count).query(Long.class).single());
    List<Long> seen =
        RowScope.as(
            WUDI,
            () ->
                inTransaction(
                    () ->
                        List.of(
                            jdbc.sql(count).query(Long.class).single(),
                            RowScope.systemInTransaction(
                                jdbc, () -> jdbc.sql(count).query(Long.class).single()),
                            jdbc.sql(count).query(Long.class).single())));
    assertThat(seen.get(1)).isEqualTo(all);
    assertThat(seen.get(0)).isLessThan(all).isEqualTo(seen.get(2));
  }

  @Test
  void aCountyUserCannotChangeAnotherCountysRows() {
    String other = "/370000/371600/371602/";
    int changed =
        RowScope.as(
            WUDI,
            () ->
                inTransaction(
                    () ->
                        jdbc.sql("update center.center set name = name where region_path like :p")
                            .param("p", other + "%")
                            .update()));
    assertThat(changed).isZero();
  }

  @Test
  void everyTableWithARegionPathHasItsPolicy() {
    List<String> unguarded =
        jdbc.sql(
                """
                select n.nspname || '.' || c.relname
                  from pg_class c
                  join pg_namespace n on n.oid = c.relnamespace
                  join pg_attribute a on a.attrelid = c.oid and a.attname = 'region_path'
                                     and not a.attisdropped
                 where c.relkind in ('r', 'p')
                   and n.nspname not like 'pg\\_%' and n.nspname <> 'information_schema'
                   and (not c.relrowsecurity
                        or not exists (select from pg_policy p where p.polrelid = c.oid))
                """)
            .query(String.class)
            .list();
    assertThat(unguarded).as("tables with a region path and no row-level security").isEmpty();
  }

  @Test
  void theApplicationWorksAsARoleThePoliciesHold() {
    var role =
        jdbc.sql(
                """
                select current_user, r.rolsuper, r.rolbypassrls
                  from pg_roles r where r.rolname = current_user""")
            .query((rs, n) -> List.of(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3)))
            .single();
    assertThat(role).containsExactly("huhang_app", false, false);
    Long owned =
        jdbc.sql(
                """
                select count(*) from pg_class c join pg_roles r on r.oid = c.relowner
                 where r.rolname = 'huhang_app'""")
            .query(Long.class)
            .single();
    assertThat(owned).as("tables the application's role owns (owners pass the policies)").isZero();
  }

  @Test
  void aConnectionWithoutAScopeSeesNoSuchRow() {
    Long seen =
        new TransactionTemplate(new DataSourceTransactionManager(owner))
            .execute(
                s -> {
                  JdbcClient psql = JdbcClient.create(owner);
                  psql.sql("set local role huhang_app").update();
                  return psql.sql("select count(*) from casework.counseling_case")
                      .query(Long.class)
                      .single();
                });
    assertThat(seen).isZero();
  }

  @Test
  @WithUserDetails("counselor-371623")
  void aStaffRequestRunsInItsUsersScope() throws Exception {
    var filter = new RowScopeConfiguration.RowScopeFilter();
    String[] seen = new String[1];
    filter.doFilter(
        new org.springframework.mock.web.MockHttpServletRequest("GET", "/cases"),
        new org.springframework.mock.web.MockHttpServletResponse(),
        (request, response) ->
            seen[0] =
                inTransaction(
                    () ->
                        jdbc.sql("select current_setting('huhang.scope')")
                            .query(String.class)
                            .single()));
    assertThat(seen[0]).isEqualTo(WUDI.regionPath());
    // After the request, the thread is back in the system scope.
    assertThat(
            inTransaction(
                () ->
                    jdbc.sql("select current_setting('huhang.scope')")
                        .query(String.class)
                        .single()))
        .isEqualTo("/");
  }

  private <T> T inTransaction(java.util.function.Supplier<T> work) {
    return new TransactionTemplate(transactions).execute(s -> work.get());
  }
}
