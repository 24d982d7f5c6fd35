package org.huhang.reporting.internal;

import org.huhang.shared.BenchApp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Random;
import org.huhang.registration.internal.ApplicationRows;
import org.huhang.registration.internal.HistoryImportBenchmark;
import org.huhang.registration.internal.HolidayCalendars;
import org.huhang.reporting.Reporting;
import org.huhang.reporting.StatsSummary;
import org.huhang.shared.Actor;
import org.huhang.shared.Role;
import org.huhang.shared.spreadsheet.StagedImports;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 12: the city's summary over six years of history. Starts Huhang on a throw-away embedded
 * PostgreSQL, imports the generated history ({@code -Drows}, default 44,000 applications
 * 2018-01-01..2023-09-30, the same generator as {@link HistoryImportBenchmark}), gives about 70 %
 * of them a counseling case with held sessions (2 % HIGH risk, a few sessions after the outcome,
 * follow-ups), then times {@code GET /api/v1/stats/summary?region=371600&from=2018-01-01
 * &to=2023-09-30}'s computation ({@link Reporting#summary}) as the city administrator: one warm-up,
 * then {@code -Druns} (default 5) measured. Run with bench/run-summary.sh.
 */
public final class SummaryBenchmark {

  public static void main(String[] args) throws Exception {
    int rows = Integer.getInteger("rows", 44_000);
    int runs = Integer.getInteger("runs", 5);
    Path dir = Files.createTempDirectory("huhang-summary-");
    try (ConfigurableApplicationContext app =
        BenchApp.start(dir, "--huhang.demo-history=false")) {
      Path csv = dir.resolve("history.csv");
      HistoryImportBenchmark.write(
          csv,
          rows,
          StandardCharsets.UTF_8,
          new Random(2018_0101L),
          app.getBean(HolidayCalendars.class).clock());
      Actor registrar =
          new Actor(null, "bench", "bench", Role.REGISTRAR, "371600", "滨州市", "/370000/371600/");
      long t = System.nanoTime();
      var report =
          app.getBean(StagedImports.class)
              .importNow(
                  app.getBean(ApplicationRows.class),
                  Files.readAllBytes(csv),
                  "history.csv",
                  registrar);
      System.out.printf(
          "imported %,d applications in %.1f s%n", report.newRows(), (System.nanoTime() - t) / 1e9);
      JdbcClient jdbc = app.getBean(JdbcClient.class);
      t = System.nanoTime();
      // Deterministic: every choice is a hash of the application's or case's id.
      jdbc.sql(
              """
              insert into casework.counseling_case (id, center_id, region_path, stage, status, source,
                opened_by, opened_on, created_at, application_id, risk, issue_categories)
              select gen_random_uuid(), gen_random_uuid(), region_path, 'DIVORCE_COOLING_OFF', 'OPEN',
                'REGISTRATION_REFERRAL', 'bench', received_on, now(), id,
                case when abs(hashtext(id || 'risk')) % 100 < 2 then 'HIGH' else 'LOW' end, '{COMMUNICATION}'
                from registration.divorce_application where abs(hashtext(id || 'case')) % 100 < 70
              on conflict (application_id) do nothing""")
          .update();
      // One or two held sessions: mostly before the outcome, some (about 5 %) only after it.
      jdbc.sql(
              """
              insert into casework.session (id, case_id, scheduled_at, channel, attendees, status,
                created_by, created_at)
              select gen_random_uuid(), c.id,
                ((coalesce(a.outcome_on, a.received_on + 10)
                  + case when abs(hashtext(c.id || 'late')) % 100 < 5 then 3 else 0 end)::timestamp + time '09:00')
                  at time zone 'Asia/Shanghai',
                'IN_PERSON', 'A', 'HELD', 'bench', now()
                from casework.counseling_case c
                join registration.divorce_application a on a.id = c.application_id,
                generate_series(1, 1 + abs(hashtext(c.id || 'n')) % 2)""")
          .update();
      jdbc.sql(
              """
              insert into casework.follow_up (id, case_id, months, due_on, done_on, together,
                filed_again, recorded_by)
              select gen_random_uuid(), c.id, m, c.opened_on + m * 30, c.opened_on + m * 30 + 2,
                true, abs(hashtext(c.id || 'again')) % 100 < 10, 'bench'
                from casework.counseling_case c, unnest(array[6, 12]) m
               where abs(hashtext(c.id || 'follow')) % 100 < 50
              on conflict (case_id, months) do nothing""")
          .update();
      jdbc.sql("analyze").update();
      System.out.printf("cases, sessions, follow-ups written in %.1f s%n", (System.nanoTime() - t) / 1e9);

      Reporting reporting = app.getBean(Reporting.class);
      Actor admin =
          new Actor(null, "bench-admin", "bench", Role.CITY_ADMIN, "371600", "滨州市", "/370000/371600/");
      LocalDate from = LocalDate.of(2018, 1, 1);
      LocalDate to = LocalDate.of(2023, 9, 30);
      StatsSummary s = reporting.summary("371600", from, to, admin);
      double[] ms = new double[runs];
      for (int i = 0; i < runs; i++) {
        t = System.nanoTime();
        s = reporting.summary("371600", from, to, admin);
        ms[i] = (System.nanoTime() - t) / 1e6;
      }
      Arrays.sort(ms);
      System.out.printf(
          "summary of the city 2018-01-01..2023-09-30: applications %,d, counseled %,d (%s %%),"
              + " reconciled %,d (%s %%), HIGH %,d, %d counties, %d months%n",
          s.figures().applications(),
          s.figures().counseled(),
          s.figures().counselingRate(),
          s.figures().reconciled(),
          s.figures().reconciliationRate(),
          s.figures().highRisk(),
          s.byCounty().size(),
          s.byMonth().size());
      System.out.printf(
          "summary time over %d runs: min %.0f ms, median %.0f ms, max %.0f ms%n",
          runs, ms[0], ms[runs / 2], ms[runs - 1]);
    }
  }
}
