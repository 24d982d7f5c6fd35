package org.huhang.shared.demo;

import org.huhang.shared.BenchApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.huhang.reporting.Reporting;
import org.huhang.reporting.StatsSummary;
import org.huhang.shared.Actor;
import org.huhang.shared.Role;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 12: the Binzhou history data set as the first embedded start loads it. Starts Huhang on a
 * throw-away embedded PostgreSQL with the recent demo (the history's background loader held back),
 * times the start, then each {@link HistoryStep} in order, then the city's summary for
 * 2018-01-01..2023-09-30, and prints its figures (43946 / 28978 / 17206 / 65.94 / 39.15 / 7 / 447 /
 * 492 expected). Run with bench/run-binzhou-history.sh. Target: the whole history under 60 s.
 */
public final class BinzhouHistoryBenchmark {

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("huhang-binzhou-");
    long t0 = System.nanoTime();
    try (ConfigurableApplicationContext app =
        BenchApp.start(dir, "--huhang.demo-history-background=false")) {
      System.out.printf(
          "started with the recent demo in %.1f s (a fresh database)%n",
          (System.nanoTime() - t0) / 1e9);
      List<HistoryStep> steps =
          app.getBeansOfType(HistoryStep.class).values().stream()
              .sorted(Comparator.comparingInt(HistoryStep::order))
              .toList();
      long all = System.nanoTime();
      for (HistoryStep step : steps) {
        long t = System.nanoTime();
        step.load(p -> {});
        System.out.printf("  %-28s %5.1f s%n", step.labelKey(), (System.nanoTime() - t) / 1e9);
      }
      System.out.printf("history loaded in %.1f s (target < 60 s)%n", (System.nanoTime() - all) / 1e9);
      Actor admin =
          new Actor(null, "bench-admin", "bench", Role.CITY_ADMIN, "371600", "滨州市", "/370000/371600/");
      StatsSummary s =
          app.getBean(Reporting.class)
              .summary("371600", LocalDate.of(2018, 1, 1), LocalDate.of(2023, 9, 30), admin);
      System.out.printf(
          "summary 2018-01-01..2023-09-30: applications %d, counseled %d (%s %%), reconciled %d"
              + " (%s %%), centers %d, volunteers %d, events %d, HIGH %d%n",
          s.figures().applications(),
          s.figures().counseled(),
          s.figures().counselingRate(),
          s.figures().reconciled(),
          s.figures().reconciliationRate(),
          s.figures().centers(),
          s.figures().volunteers(),
          s.figures().outreachEvents(),
          s.figures().highRisk());
    }
  }
}
