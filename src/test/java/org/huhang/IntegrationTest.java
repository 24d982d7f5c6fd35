package org.huhang;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of every integration test: the whole application on its own embedded PostgreSQL with the
 * demo data set, one Spring context (and one database) shared by all subclasses.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
public abstract class IntegrationTest {

  public static final String DEMO_PASSWORD = "Huhang@2023";
  private static final Path DATA_DIRECTORY = newDataDirectory();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("huhang.embedded-database.data-directory", DATA_DIRECTORY::toString);
    registry.add("huhang.embedded-database.clean-on-close", () -> "true");
    registry.add("huhang.demo", () -> "true");
    registry.add("huhang.data-key-file", () -> DATA_DIRECTORY + ".key");
  }

  private static Path newDataDirectory() {
    try {
      Files.createDirectories(Path.of("target"));
      return Files.createTempDirectory(Path.of("target").toAbsolutePath(), "test-postgres-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
