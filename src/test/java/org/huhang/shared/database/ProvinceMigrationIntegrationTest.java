package org.huhang.shared.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * V35 puts the province of Shandong above an installation that was a city's: a database migrated to
 * V34 with rows in the old shape ('/371600/...') comes out with every scope path below '/370000/',
 * the figure caches renamed with their sources (no day marked for counting again), the city a child
 * of the province, and the sessions gone (their security contexts held old paths).
 */
class ProvinceMigrationIntegrationTest {

  @Test
  void everyScopePathMovesBelowTheProvinceInOneStep() throws Exception {
    Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "province-migration-");
    try (EmbeddedPostgres db = EmbeddedPostgresLauncher.start(dir, true)) {
      var source = db.getPostgresDatabase();
      Flyway.configure().dataSource(source).target("34").load().migrate();
      JdbcClient jdbc = JdbcClient.create(source);
      jdbc.sql(
              """
              insert into identity.app_user (id, username, display_name, role, region_code,
                     region_path, password_hash)
              values (gen_random_uuid(), 'old-admin', 'x', 'COUNTY_ADMIN', '371623',
                     '/371600/371623/', 'x')""")
          .update();
      jdbc.sql(
              """
              insert into reporting.couple_month values
                (date '2023-01-01', '/371600/371623/', 10, 6, 4, 0, 6, 0, 0, 0, 0)""")
          .update();
      jdbc.sql(
              """
              insert into identity.spring_session values
                ('00000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-000000000001',
                 0, 0, 1800, 0, 'old-admin')""")
          .update();
      long marks = jdbc.sql("select count(*) from kernel.figure_change").query(Long.class).single();

      Flyway.configure().dataSource(source).load().migrate();

      assertThat(
              jdbc.sql("select region_path from identity.app_user where username = 'old-admin'")
                  .query(String.class)
                  .single())
          .isEqualTo("/370000/371600/371623/");
      assertThat(
              jdbc.sql("select region_path from reporting.couple_month").query(String.class).list())
          .containsExactly("/370000/371600/371623/");
      assertThat(jdbc.sql("select count(*) from kernel.figure_change").query(Long.class).single())
          .isEqualTo(marks);
      assertThat(
              jdbc.sql("select count(*) from identity.spring_session").query(Long.class).single())
          .isZero();
      assertThat(
              jdbc.sql(
                      "select code || ' ' || level || ' ' || path from region.region"
                          + " where parent_code is null or code = '371600' order by code")
                  .query(String.class)
                  .list())
          .containsExactly("370000 PROVINCE /370000/", "371600 CITY /370000/371600/");
      List<String> outside =
          jdbc
              .sql(
                  """
                  select c.table_schema || '.' || c.table_name
                    from information_schema.columns c
                    join information_schema.tables t using (table_schema, table_name)
                   where c.column_name = 'region_path' and t.table_type = 'BASE TABLE'""")
              .query(String.class)
              .list()
              .stream()
              .filter(
                  table ->
                      jdbc.sql(
                                  "select count(*) from "
                                      + table
                                      + " where region_path not like '/370000/%'")
                              .query(Long.class)
                              .single()
                          > 0)
              .toList();
      assertThat(outside).isEmpty();
      assertThat(
              jdbc.sql("select count(*) from region.region where path not like '/370000/%'")
                  .query(Long.class)
                  .single())
          .isZero();
    }
  }
}
