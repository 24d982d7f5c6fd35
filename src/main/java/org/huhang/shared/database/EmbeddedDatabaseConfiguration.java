package org.huhang.shared.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
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
    return EmbeddedPostgresLauncher.start(properties.dataDirectory(), properties.cleanOnClose());
  }

  @Bean(destroyMethod = "close")
  DataSource dataSource(EmbeddedPostgres postgres) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("huhang-embedded");
    config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
    // A batch of inserts travels as multi-row inserts (a history import: tens of thousands).
    config.addDataSourceProperty("reWriteBatchedInserts", "true");
    config.setMaximumPoolSize(10);
    return new HikariDataSource(config);
  }
}
