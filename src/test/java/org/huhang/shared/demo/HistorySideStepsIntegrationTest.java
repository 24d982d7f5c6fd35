package org.huhang.shared.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.huhang.identity.UserRef;
import org.huhang.identity.Users;
import org.huhang.outreach.EventCount;
import org.huhang.outreach.OutreachEvents;
import org.huhang.shared.DataScope;
import org.huhang.shared.Role;
import org.huhang.volunteer.VolunteerCount;
import org.huhang.volunteer.Volunteers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The history's counselors, volunteers and outreach events (issue 12): on a database of their own
 * with the recent demo, as the embedded first start has them (the history part of the installation,
 * so the demo leaves the period to it), but loaded by calling the steps, not in the background. Not
 * an {@code IntegrationTest}: the shared demo database keeps its counts.
 */
@SpringBootTest
class HistorySideStepsIntegrationTest {

  private static final Path DATA_DIRECTORY = newDataDirectory();
  private static final DataScope CITY = new DataScope("/371600/");

  @Autowired private List<HistoryStep> steps;
  @Autowired private Users users;
  @Autowired private Volunteers volunteers;
  @Autowired private OutreachEvents events;
  @Autowired private JdbcClient jdbc;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("huhang.embedded-database.data-directory", DATA_DIRECTORY::toString);
    registry.add("huhang.embedded-database.clean-on-close", () -> "true");
    registry.add("huhang.demo", () -> "true");
    registry.add("huhang.demo-history", () -> "true");
    registry.add("huhang.demo-history-background", () -> "false");
    registry.add("huhang.data-key-file", () -> DATA_DIRECTORY + ".key");
  }

  @Test
  void theCounselorsVolunteersAndEventsOfTheHistoryComeOnceWithThePublishedTotals() {
    assertThat(heldInPeriod()).isLessThan(BinzhouHistory.EVENTS);

    load();

    for (String county : BinzhouHistory.COUNTIES) {
      UserRef account = users.findByUsername("counselor-" + county + "-01").orElseThrow();
      assertThat(account.role()).isEqualTo(Role.COUNSELOR);
      assertThat(account.regionPath()).isEqualTo("/371600/" + county + "/");
      assertThat(account.displayName()).endsWith("辅导员（历史个案）");
      Map<String, Object> volunteer =
          jdbc.sql("select status, region_path from volunteer.volunteer where user_id = :u")
              .param("u", account.id())
              .query()
              .singleRow();
      assertThat(volunteer.get("status")).isEqualTo("ACTIVE");
      assertThat((String) volunteer.get("region_path")).startsWith("/371600/" + county + "/");
    }
    assertThat(activeVolunteers()).isEqualTo(BinzhouHistory.VOLUNTEERS);
    assertThat(heldInPeriod()).isEqualTo(BinzhouHistory.EVENTS);
    assertThat(
            jdbc.sql(
                    "select count(distinct region_code) from outreach.outreach_event"
                        + " where held_on between '2018-01-01' and '2023-09-30'")
                .query(Long.class)
                .single())
        .isGreaterThanOrEqualTo(7);

    long users = count("identity.app_user");
    long volunteersStored = count("volunteer.volunteer");
    long eventsStored = count("outreach.outreach_event");
    load();
    assertThat(count("identity.app_user")).isEqualTo(users);
    assertThat(count("volunteer.volunteer")).isEqualTo(volunteersStored);
    assertThat(count("outreach.outreach_event")).isEqualTo(eventsStored);
    assertThat(activeVolunteers()).isEqualTo(BinzhouHistory.VOLUNTEERS);
    assertThat(heldInPeriod()).isEqualTo(BinzhouHistory.EVENTS);
  }

  /** The three steps of this test, in their order, each timed (well under 5 s each). */
  private void load() {
    List<HistoryStep> side =
        steps.stream()
            .filter(
                s ->
                    List.of(
                            "history.step.counselors",
                            "history.step.volunteers",
                            "history.step.events")
                        .contains(s.labelKey()))
            .sorted(java.util.Comparator.comparingInt(HistoryStep::order))
            .toList();
    assertThat(side).hasSize(3);
    for (HistoryStep step : side) {
      long started = System.nanoTime();
      step.load(p -> {});
      assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(5_000);
    }
  }

  private long activeVolunteers() {
    return volunteers.activeCounts(CITY).stream().mapToLong(VolunteerCount::active).sum();
  }

  private long heldInPeriod() {
    return events.heldCounts(CITY, BinzhouHistory.FROM, BinzhouHistory.TO).stream()
        .mapToLong(EventCount::events)
        .sum();
  }

  private long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }

  private static Path newDataDirectory() {
    try {
      Files.createDirectories(Path.of("target"));
      return Files.createTempDirectory(
          Path.of("target").toAbsolutePath(), "test-postgres-history-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
