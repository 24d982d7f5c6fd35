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
 * downtime, marks unclaimed applications deemed withdrawn.
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

  @Scheduled(cron = "0 5 0 * * *", zone = "Asia/Shanghai")
  void daily() {
    runFor(LocalDate.now(clock));
  }

  int runFor(LocalDate today) {
    int marked = applications.deemUnclaimed(today);
    if (marked > 0) {
      log.info("Marked {} unclaimed divorce applications deemed withdrawn as of {}", marked, today);
    }
    return marked;
  }
}
