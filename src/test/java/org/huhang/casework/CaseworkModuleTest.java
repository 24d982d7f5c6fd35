package org.huhang.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.huhang.center.CenterKind;
import org.huhang.center.CenterStatus;
import org.huhang.center.CenterView;
import org.huhang.center.Centers;
import org.huhang.center.SaveCenter;
import org.huhang.registration.ApplicationDecided;
import org.huhang.registration.ApplicationView;
import org.huhang.registration.CounselingCaseOpened;
import org.huhang.registration.DivorceApplications;
import org.huhang.registration.Outcome;
import org.huhang.registration.RecordApplication;
import org.huhang.registration.TestCouples;
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
 * Casework with the modules it uses, on its own embedded PostgreSQL without demo data: a couple
 * that accepts counseling at registration reaches the referral queue by event, and opening its case
 * answers registration, which marks the application; the application's decision (here a withdrawal)
 * reaches the case as its legal outcome.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "shared")
@TestPropertySource(properties = "huhang.demo=false")
class CaseworkModuleTest {

  private static final Path DATA_DIRECTORY = newDataDirectory();
  private static final Actor REGISTRAR =
      new Actor(
          null, "registrar-371602", "x", Role.REGISTRAR, "371602", "滨城区", "/370000/371600/371602/");
  private static final Actor ADMIN =
      new Actor(
          null, "admin-371602", "x", Role.COUNTY_ADMIN, "371602", "滨城区", "/370000/371600/371602/");

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("huhang.embedded-database.data-directory", DATA_DIRECTORY::toString);
    registry.add("huhang.embedded-database.clean-on-close", () -> "true");
    registry.add("huhang.data-key-file", () -> DATA_DIRECTORY + ".key");
  }

  @Autowired DivorceApplications applications;
  @Autowired Referrals referrals;
  @Autowired Centers centers;
  @Autowired Clock clock;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  @Test
  void aRequestBecomesAReferralAndItsCaseAnswersRegistration(Scenario scenario) {
    CenterView center =
        centers.create(
            new SaveCenter(
                CenterKind.CENTER,
                "滨城区测试辅导中心",
                "371602",
                "黄河五路 1 号",
                null,
                null,
                10,
                null,
                CenterStatus.OPEN),
            ADMIN);
    ApplicationView application = applications.record(acceptingCouple(), REGISTRAR);

    var waiting = new java.util.concurrent.atomic.AtomicReference<ReferralView>();
    scenario
        .stimulate(() -> referrals.queue(ADMIN))
        .andWaitForStateChange(
            () ->
                referrals.queue(ADMIN).stream()
                    .filter(r -> r.applicationId().equals(application.id()))
                    .findFirst()
                    .orElse(null))
        .andVerify(
            found -> {
              assertThat(found.couple()).isEqualTo("王强 · 李娜");
              assertThat(found.centerName()).isNull();
              waiting.set(found);
            });
    ReferralView referral = waiting.get();

    scenario
        .stimulate(() -> referrals.accept(referral.id(), center.id(), ADMIN))
        .andWaitForEventOfType(CounselingCaseOpened.class)
        .matching(e -> e.applicationId().equals(application.id()))
        .toArriveAndVerify(
            (event, caseId) -> {
              assertThat(event.caseId()).isEqualTo(caseId);
              assertThat(event.openedOn()).isEqualTo(LocalDate.now(clock));
            });

    scenario
        .stimulate(() -> UUID.randomUUID())
        .andWaitForStateChange(
            () -> applications.get(application.id(), REGISTRAR).caseOpened(), Boolean::booleanValue)
        .andVerify(opened -> assertThat(referrals.queue(ADMIN)).isEmpty());

    // The couple withdraws at the registry: registration announces it, the case records it.
    LocalDate today = LocalDate.now(clock);
    scenario
        .stimulate(() -> applications.withdraw(application.id(), today, "BOTH", REGISTRAR))
        .andWaitForEventOfType(ApplicationDecided.class)
        .matching(e -> e.applicationId().equals(application.id()))
        .toArriveAndVerify(
            event -> {
              assertThat(event.outcome()).isEqualTo(Outcome.WITHDRAWN);
              assertThat(event.on()).isEqualTo(today);
            });
    scenario
        .stimulate(() -> UUID.randomUUID())
        .andWaitForStateChange(
            () ->
                jdbc.sql(
                        "select legal_outcome || ' ' || legal_outcome_on from casework.counseling_case"
                            + " where application_id = :a and legal_outcome is not null")
                    .param("a", application.id().value())
                    .query(String.class)
                    .optional()
                    .orElse(null))
        .andVerify(legal -> assertThat(legal).isEqualTo("WITHDRAWN " + today));
  }

  private RecordApplication acceptingCouple() {
    return TestCouples.couple(
        "371602",
        "王强",
        "1980-03-15",
        "李娜",
        "1982-07-01",
        LocalDate.now(clock).minusDays(3),
        true,
        true);
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
