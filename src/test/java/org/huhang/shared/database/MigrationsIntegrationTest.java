package org.huhang.shared.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.huhang.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class MigrationsIntegrationTest extends IntegrationTest {

  @Autowired JdbcClient jdbc;

  @Test
  void everyMigrationAppliedToTheEmptyDatabase() {
    List<Boolean> success =
        jdbc.sql("select success from flyway_schema_history where version is not null")
            .query(Boolean.class)
            .list();
    assertThat(success).isNotEmpty().allMatch(Boolean::booleanValue);
    assertThat(jdbc.sql("select version()").query(String.class).single())
        .startsWith("PostgreSQL 17");
  }

  @Test
  void eachModuleOwnsItsSchema() {
    List<String> schemas =
        jdbc.sql("select schema_name from information_schema.schemata").query(String.class).list();
    assertThat(schemas).contains("region", "identity", "audit");
  }

  @Test
  void binzhouAndItsSevenCountiesAreSeeded() {
    List<String> counties =
        jdbc.sql("select code from region.region where parent_code = '371600' order by code")
            .query(String.class)
            .list();
    assertThat(counties)
        .containsExactly("371602", "371603", "371621", "371622", "371623", "371625", "371681");
  }

  @Test
  void theEmbeddedDatabaseKeepsWhatItCommits() {
    assertThat(jdbc.sql("show fsync").query(String.class).single()).isEqualTo("on");
    assertThat(jdbc.sql("show synchronous_commit").query(String.class).single()).isEqualTo("on");
  }

  @Test
  void theAuditTrailIsAppendOnly() {
    assertThatThrownBy(() -> jdbc.sql("update audit.audit_event set username = 'x'").update())
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.sql("delete from audit.audit_event").update())
        .hasMessageContaining("append-only");
  }
}
