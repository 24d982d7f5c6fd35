package org.huhang.reporting.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the cache of days warm between summaries: builds it soon after start-up (so the first
 * person to open the figures does not wait for a province's build) and drains the marks every
 * minute (so they never pile up when nobody reads figures for a while). Each summary still
 * refreshes first, so the figures are exact whatever this does.
 */
@Component
class FigureDaysRefresher {

  private static final Logger log = LoggerFactory.getLogger(FigureDaysRefresher.class);

  private final FigureDays days;

  FigureDaysRefresher(FigureDays days) {
    this.days = days;
  }

  @Scheduled(fixedDelay = 60_000, initialDelay = 2_000)
  void refresh() {
    try {
      days.refresh();
    } catch (RuntimeException e) {
      // A failed refresh changes nothing (its transaction rolls back with the marks it took); the
      // next one, or the next summary, tries again.
      log.warn("Refreshing the figures by day failed: {}", e.toString());
    }
  }
}
