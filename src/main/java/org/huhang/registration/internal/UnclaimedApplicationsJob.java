package org.huhang.registration.internal;

import java.time.Clock;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Each day just after midnight (China Standard Time), and once at start-up to catch up after
 * downtime, marks unclaimed applications deemed withdrawn. Every instance tries; the first claims
 * the day ({@code registration.deemed_withdrawn_run}), so the day is run once. The failover drill
 * sets {@code huhang.jobs.deemed-withdrawn-cron} to every few seconds to show it.
 */
@Component
@Order(50)
class UnclaimedApplicationsJob implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(UnclaimedApplicationsJob.class);

  private final ApplicationOutcomes applications;
  private final Clock clock;

  UnclaimedApplicationsJob(ApplicationOutcomes applications, Clock clock) {
    this.applications = applications;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    runFor(LocalDate.now(clock));
  }

  @Scheduled(cron = "${huhang.jobs.deemed-withdrawn-cron:0 5 0 * * *}", zone = "Asia/Shanghai")
  void daily() {
    runFor(LocalDate.now(clock));
  }

  int runFor(LocalDate today) {
    java.util.OptionalInt marked = applications.deemUnclaimedOnce(today, INSTANCE);
    if (marked.isPresent()) {
      log.info(
          "Deemed-withdrawn run for {} on {}: {} unclaimed applications marked",
          today,
          INSTANCE,
          marked.getAsInt());
    }
    return marked.orElse(0);
  }

  /** This process, as the run's record names it (pid@host). */
  static final String INSTANCE =
      java.lang.management.ManagementFactory.getRuntimeMXBean().getName();
}
