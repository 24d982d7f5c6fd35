package org.huhang.shared.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * With no {@code spring.datasource.url}, Huhang runs on an embedded PostgreSQL 17 whose data lives
 * under {@code ./data/}. Defining the DataSource here makes Boot's own back off; Flyway, Spring
 * Session and Modulith all use it.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseCondition.class)
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
class EmbeddedDatabaseConfiguration {

  @Bean(destroyMethod = "close")
  EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties) {
    EmbeddedPostgres postgres =
        EmbeddedPostgresLauncher.start(properties.dataDirectory(), properties.cleanOnClose());
    EmbeddedPostgresLauncher.createApplicationRole(postgres);
    return postgres;
  }

  /**
   * The owner's connections (the superuser of the embedded server): migrations, backups. Not a
   * candidate where a plain DataSource is wanted.
   */
  @Bean(name = OwnerDataSourceConfiguration.OWNER, defaultCandidate = false)
  @FlywayDataSource
  DataSource ownerDataSource(EmbeddedPostgres postgres) {
    return postgres.getPostgresDatabase();
  }

  @Bean(destroyMethod = "close")
  DataSource dataSource(EmbeddedPostgres postgres) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("huhang-embedded");
    // The application's role, which row-level security holds to the caller's scope (V43).
    config.setJdbcUrl(postgres.getJdbcUrl(EmbeddedPostgresLauncher.APPLICATION_ROLE, "postgres"));
    // A batch of inserts travels as multi-row inserts (a history import: tens of thousands).
    config.addDataSourceProperty("reWriteBatchedInserts", "true");
    config.setMaximumPoolSize(10);
    return new HikariDataSource(config);
  }
}
