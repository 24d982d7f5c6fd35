package org.huhang.registration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.huhang.IntegrationTest;
import org.huhang.registration.ApplicationId;
import org.huhang.registration.DivorceApplicationIntegrationTest;
import org.huhang.registration.Party;
import org.huhang.registration.RecordApplication;
import org.huhang.shared.Actor;
import org.huhang.shared.DomainException;
import org.huhang.shared.ForbiddenException;
import org.huhang.shared.NotFoundException;
import org.huhang.shared.Role;
import org.huhang.shared.person.Gender;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Two moves on one application at once: the first one counts, the second changes nothing. */
class ApplicationOutcomesIntegrationTest extends IntegrationTest {

  static final Actor REGISTRAR =
      new Actor(
          null, "registrar-371602", "x", Role.REGISTRAR, "371602", "滨城区", "/370000/371600/371602/");

  @Autowired ApplicationRecording recording;
  @Autowired ApplicationOutcomes outcomes;
  @Autowired DivorceApplicationRepository repository;
  @Autowired JdbcClient jdbc;

  ApplicationId recorded() {
    String husband = DivorceApplicationIntegrationTest.id("371602", "1975-01-09", true);
    String wife = DivorceApplicationIntegrationTest.id("371602", "1977-03-11", false);
    RecordApplication command =
        new RecordApplication(
            LocalDate.of(2025, 3, 3),
            new Party(
                "周平",
                Gender.MALE,
                LocalDate.parse(DivorceApplicationIntegrationTest.birth(husband)),
                husband,
                null),
            new Party(
                "吴敏",
                Gender.FEMALE,
                LocalDate.parse(DivorceApplicationIntegrationTest.birth(wife)),
                wife,
                null),
            LocalDate.of(2010, 1, 1),
            0,
            false,
            false);
    return recording.record(command, REGISTRAR).id();
  }

  @Test
  void ofTwoConcurrentOutcomesOnlyOneIsRecorded() throws Exception {
    for (int round = 0; round < 5; round++) {
      ApplicationId id = recorded();
      CountDownLatch start = new CountDownLatch(1);
      List<Callable<String>> moves =
          List.of(
              () -> {
                start.await();
                outcomes.withdraw(id, LocalDate.of(2025, 3, 10), "A", REGISTRAR);
                return "WITHDRAWN";
              },
              () -> {
                start.await();
                outcomes.issueCertificate(id, LocalDate.of(2025, 4, 10), REGISTRAR);
                return "DIVORCED";
              });
      ExecutorService pool = Executors.newFixedThreadPool(2);
      List<String> won = new ArrayList<>();
      List<Throwable> lost = new ArrayList<>();
      try {
        List<Future<String>> results = moves.stream().map(pool::submit).toList();
        start.countDown();
        for (Future<String> result : results) {
          try {
            won.add(result.get());
          } catch (java.util.concurrent.ExecutionException e) {
            lost.add(e.getCause());
          }
        }
      } finally {
        pool.shutdown();
      }
      assertThat(won).hasSize(1);
      assertThat(lost)
          .singleElement()
          .isInstanceOfSatisfying(
              DomainException.class,
              e -> assertThat(e.problems().get(0).messageKey()).isEqualTo("application.closed"));
      assertThat(outcome(id)).isEqualTo(won.get(0));
      assertThat(
              jdbc.sql(
                      "select count(*) from audit.audit_event where entity_id = :id"
                          + " and action in ('application.withdraw', 'application.certificate')")
                  .param("id", id.toString())
                  .query(Long.class)
                  .single())
          .isEqualTo(1);
    }
  }

  @Test
  void aMoveOnAStaleCopyChangesNothing() {
    ApplicationId id = recorded();
    DivorceApplication first = repository.findById(id.value()).orElseThrow();
    DivorceApplication stale = repository.findById(id.value()).orElseThrow();

    first.withdraw(LocalDate.of(2025, 3, 10), "B", LocalDate.of(2026, 1, 1));
    repository.save(first);
    stale.issueCertificate(LocalDate.of(2025, 4, 10), LocalDate.of(2026, 1, 1));

    assertThatThrownBy(() -> repository.save(stale))
        .isInstanceOf(OptimisticLockingFailureException.class);
    assertThat(outcome(id)).isEqualTo("WITHDRAWN");
    DivorceApplication stored = repository.findById(id.value()).orElseThrow();
    assertThat(stored.withdrawnBy()).isEqualTo("B");
    assertThat(stored.outcomeOn()).isEqualTo(LocalDate.of(2025, 3, 10));
  }

  @Test
  void onlyARegistrarOfTheOfficeActsOnAnApplication() {
    ApplicationId id = recorded();
    Actor otherOffice =
        new Actor(
            null, "registrar-x", "x", Role.REGISTRAR, "371623", "无棣县", "/370000/371600/371623/");
    Actor cityAdmin =
        new Actor(null, "admin", "x", Role.CITY_ADMIN, "371600", "滨州市", "/370000/371600/");
    assertThatThrownBy(() -> outcomes.withdraw(id, LocalDate.of(2025, 3, 10), "A", otherOffice))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> outcomes.issueCertificate(id, LocalDate.of(2025, 4, 10), cityAdmin))
        .isInstanceOf(ForbiddenException.class);
    assertThat(outcome(id)).isEqualTo("PENDING");
  }

  String outcome(ApplicationId id) {
    return jdbc.sql("select outcome from registration.divorce_application where id = :id")
        .param("id", id.value())
        .query(String.class)
        .single();
  }
}
