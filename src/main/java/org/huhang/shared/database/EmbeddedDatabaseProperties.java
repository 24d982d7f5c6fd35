package org.huhang.shared.database;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the embedded PostgreSQL used when no {@code spring.datasource.url} is given.
 *
 * @param dataDirectory where the cluster lives; it survives restarts
 * @param cleanOnClose a throwaway cluster: initialised afresh on start, deleted on shutdown (tests)
 */
@ConfigurationProperties("huhang.embedded-database")
public record EmbeddedDatabaseProperties(Path dataDirectory, boolean cleanOnClose) {

  public EmbeddedDatabaseProperties {
    if (dataDirectory == null) {
      dataDirectory = Path.of("data", "postgres");
    }
  }
}
