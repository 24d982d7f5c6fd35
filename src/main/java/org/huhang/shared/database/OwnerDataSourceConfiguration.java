package org.huhang.shared.database;

import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * On an external database, the owner's connections for the migrations: {@code
 * spring.datasource.url} with {@code spring.flyway.user}/{@code spring.flyway.password} when set,
 * otherwise the datasource's own user. The application's pool switches to the role {@code
 * huhang_app} on every connection ({@code spring.datasource.hikari.connection-init-sql}), which
 * row-level security holds to the caller's scope (V43); the migrations must not, so they get
 * connections of their own. (The embedded database's are in {@link EmbeddedDatabaseConfiguration}.)
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("spring.datasource.url")
class OwnerDataSourceConfiguration {

  /** The owner's DataSource's bean name, for the few that need it by name. */
  static final String OWNER = "ownerDataSource";

  @Bean(name = OWNER, defaultCandidate = false)
  @FlywayDataSource
  DataSource ownerDataSource(Environment env) {
    return new DriverManagerDataSource(
        env.getRequiredProperty("spring.datasource.url"),
        env.getProperty("spring.flyway.user", env.getProperty("spring.datasource.username", "")),
        env.getProperty(
            "spring.flyway.password", env.getProperty("spring.datasource.password", "")));
  }
}
