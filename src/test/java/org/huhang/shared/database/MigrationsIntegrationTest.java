package org.huhang.shared.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.huhang.HuhangApplication;
import org.huhang.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.core.ApplicationModules;

class MigrationsIntegrationTest extends IntegrationTest {

  @Autowired JdbcClient jdbc;

  @Autowired
  @Qualifier("ownerDataSource")
  DataSource owner;

  @Test
  void everyMigrationAppliedToTheEmptyDatabase() {
    List<Boolean> success =
        JdbcClient.create(owner)
            .sql("select success from flyway_schema_history where version is not null")
            .query(Boolean.class)
            .list();
    assertThat(success).isNotEmpty().allMatch(Boolean::booleanValue);
    assertThat(jdbc.sql("select version()").query(String.class).single())
        .startsWith("PostgreSQL 17");
  }

  /**
   * Modules that only put other modules' records together (growth: a volunteer's own page from the
   * volunteer, training and outreach APIs) and keep nothing of their own: they have no schema.
   * (Reporting keeps a cache of counts per day since V32, in its own schema.)
   */
  private static final Set<String> OWNING_NO_DATA = Set.of("growth");

  /** A module's schema has its name; the shared kernel's is {@code kernel}. */
  private static String schemaOf(String module) {
    return module.equals("shared") ? "kernel" : module;
  }

  private static List<String> moduleNames() {
    return ApplicationModules.of(HuhangApplication.class).stream()
        .map(m -> m.getIdentifier().toString())
        .toList();
  }

  @Test
  void eachModuleOwnsItsSchema() {
    List<String> schemas =
        jdbc.sql("select schema_name from information_schema.schemata").query(String.class).list();
    List<String> withTables =
        jdbc.sql("select distinct table_schema from information_schema.tables")
            .query(String.class)
            .list();
    assertThat(moduleNames()).hasSizeGreaterThanOrEqualTo(7);
    for (String module : moduleNames()) {
      if (OWNING_NO_DATA.contains(module)) {
        assertThat(schemas).as("no schema of module " + module).doesNotContain(module);
        continue;
      }
      assertThat(schemas).as("schema of module " + module).contains(schemaOf(module));
      assertThat(withTables).as("tables of module " + module).contains(schemaOf(module));
    }
  }

  /**
   * Modules talk through their APIs and events, never through each other's tables: no module's code
   * names a table (schema.table) in another module's schema.
   */
  @Test
  void noModuleReadsAnotherModulesTables() throws IOException {
    Map<String, String> ownerOfSchema = new HashMap<>();
    moduleNames().forEach(m -> ownerOfSchema.put(schemaOf(m), m));
    Set<String> tables = new HashSet<>();
    jdbc.sql("select table_schema || '.' || table_name from information_schema.tables")
        .query(String.class)
        .list()
        .forEach(tables::add);
    Pattern reference = Pattern.compile("(?<![\\w.])([a-z_]+)\\.([a-z_]+)\\b");
    List<String> offences = new ArrayList<>();
    int references = 0;
    for (String module : moduleNames()) {
      Path root = Path.of("src/main/java/org/huhang", module);
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
          Matcher m = reference.matcher(Files.readString(file));
          while (m.find()) {
            String table = m.group(1) + "." + m.group(2);
            if (!tables.contains(table)) {
              continue;
            }
            references++;
            String owner = ownerOfSchema.get(m.group(1));
            if (owner != null && !owner.equals(module)) {
              offences.add(file + " uses " + table + " of module " + owner);
            }
          }
        }
      }
    }
    assertThat(references).as("table references found at all").isGreaterThan(20);
    assertThat(offences).isEmpty();
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
    // The application's role may not delete at all (V43); the owner is stopped by the trigger.
    assertThatThrownBy(() -> jdbc.sql("delete from audit.audit_event").update())
        .hasStackTraceContaining("permission denied");
    assertThatThrownBy(() -> JdbcClient.create(owner).sql("delete from audit.audit_event").update())
        .hasMessageContaining("append-only");
  }
}
