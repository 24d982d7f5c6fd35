package org.huhang.shared.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import org.huhang.HuhangApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * With {@code spring.datasource.url} set, Huhang starts no embedded database, migrates the external
 * one, loads no demo data and creates the first city administrator from {@code
 * HUHANG_ADMIN_PASSWORD}.
 */
class ExternalDatabaseIntegrationTest {

  @Test
  void runsOnAnExternalPostgresql() throws Exception {
    Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "external-postgres-");
    try (EmbeddedPostgres external = EmbeddedPostgresLauncher.start(dir, true)) {
      try (ConfigurableApplicationContext app =
          new SpringApplicationBuilder(HuhangApplication.class)
              .properties(
                  "server.port=0",
                  "spring.datasource.url=" + external.getJdbcUrl("postgres", "postgres"),
                  "spring.datasource.username=postgres",
                  "spring.datasource.password=",
                  "HUHANG_ADMIN_PASSWORD=Binzhou#2026first",
                  "HUHANG_DATA_KEY=" + java.util.Base64.getEncoder().encodeToString(new byte[32]))
              .run()) {
        assertThat(app.getBeanNamesForType(EmbeddedPostgres.class)).isEmpty();
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        assertThat(jdbc.sql("select count(*) from region.region").query(Long.class).single())
            .isEqualTo(9);
        assertThat(jdbc.sql("select username from identity.app_user").query(String.class).list())
            .containsExactly("admin");
        String hash =
            jdbc.sql("select password_hash from identity.app_user").query(String.class).single();
        assertThat(app.getBean(PasswordEncoder.class).matches("Binzhou#2026first", hash)).isTrue();
      }
    }
  }
}
