package org.huhang.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.huhang.shared.Actor;
import org.huhang.shared.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The registration module with the modules it uses, on its own embedded PostgreSQL without demo
 * data: the events it publishes and the answer it listens for.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "shared")
@TestPropertySource(properties = "huhang.demo=false")
class RegistrationModuleTest {

  private static final Path DATA_DIRECTORY = newDataDirectory();
  private static final Actor REGISTRAR =
      new Actor(
          null, "registrar-371602", "x", Role.REGISTRAR, "371602", "滨城区", "/370000/371600/371602/");

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("huhang.embedded-database.data-directory", DATA_DIRECTORY::toString);
    registry.add("huhang.embedded-database.clean-on-close", () -> "true");
    registry.add("huhang.data-key-file", () -> DATA_DIRECTORY + ".key");
  }

  @Autowired DivorceApplications applications;
  @Autowired Clock clock;

  @Test
  void recordingAnApplicationWhoseCoupleAcceptsCounselingRequestsIt(Scenario scenario) {
    scenario
        .stimulate(() -> applications.record(application(true), REGISTRAR))
        .andWaitForEventOfType(CounselingRequested.class)
        .toArriveAndVerify(
            (event, recorded) -> {
              assertThat(event.applicationId()).isEqualTo(recorded.id());
              assertThat(event.regionPath()).isEqualTo("/370000/371600/371602/");
              assertThat(event.withdrawalDeadline())
                  .isEqualTo(recorded.dates().withdrawalDeadline());
            });
  }

  @Test
  void theCaseOpenedAnswerMarksTheApplication(Scenario scenario) {
    ApplicationView recorded = applications.record(application(true), REGISTRAR);
    assertThat(recorded.awaitingCase()).isTrue();
    scenario
        .publish(new CounselingCaseOpened(recorded.id(), UUID.randomUUID(), LocalDate.now(clock)))
        .andWaitForStateChange(
            () -> applications.get(recorded.id(), REGISTRAR).caseOpened(), Boolean::booleanValue)
        .andVerify(
            opened ->
                assertThat(applications.get(recorded.id(), REGISTRAR).awaitingCase()).isFalse());
  }

  private RecordApplication application(boolean counselingAccepted) {
    return TestCouples.couple(
        "371602",
        "王强",
        "1980-03-15",
        "李娜",
        "1982-07-01",
        LocalDate.now(clock).minusDays(3),
        true,
        counselingAccepted);
  }

  private static Path newDataDirectory() {
    try {
      Files.createDirectories(Path.of("target"));
      return Files.createTempDirectory(Path.of("target").toAbsolutePath(), "module-postgres-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
