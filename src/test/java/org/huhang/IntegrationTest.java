package org.huhang;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.huhang.notification.RecordingSmsGateway;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * Base of every integration test: the whole application on its own embedded PostgreSQL with the
 * demo data set, one Spring context (and one database) shared by all subclasses.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(RecordingSmsGateway.class)
public abstract class IntegrationTest {

  public static final String DEMO_PASSWORD = "Huhang@2023";

  /** The test SMTP server's port (GreenMail's 3025 with a digit more, to stay clear of it). */
  public static final int MAIL_PORT = 30253;

  private static final Path DATA_DIRECTORY = newDataDirectory();

  @Autowired private FilterChainProxy securityFilters;

  @Autowired(required = false)
  private CsrfTokenRepository csrfTokens;

  /**
   * MockMvc's {@code csrf()} replaces the CSRF filter's token repository of the shared context with
   * a session-backed test one; real HTTP requests of the next test would then open sessions the
   * application does not open. Each test starts with the application's own repository.
   */
  @BeforeEach
  void restoreCsrfTokenRepository() {
    if (csrfTokens == null) {
      return;
    }
    securityFilters.getFilterChains().stream()
        .flatMap(chain -> chain.getFilters().stream())
        .filter(CsrfFilter.class::isInstance)
        .forEach(filter -> ReflectionTestUtils.setField(filter, "tokenRepository", csrfTokens));
  }

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("huhang.embedded-database.data-directory", DATA_DIRECTORY::toString);
    registry.add("huhang.embedded-database.clean-on-close", () -> "true");
    registry.add("huhang.demo", () -> "true");
    // The six-year history loads in its own context (BinzhouHistoryIntegrationTest), not here.
    registry.add("huhang.demo-history", () -> "false");
    registry.add("huhang.data-key-file", () -> DATA_DIRECTORY + ".key");
    registry.add("huhang.backup-directory", () -> DATA_DIRECTORY + "-backups");
    // Tests run the notification worker themselves, at the moments they name.
    registry.add("huhang.notification.worker", () -> "false");
    // E-mail goes to the GreenMail server NotificationMailIntegrationTest starts on this port.
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> String.valueOf(MAIL_PORT));
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
