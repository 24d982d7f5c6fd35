package org.huhang.notification.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the {@link OutboxWorker} every {@code huhang.notification.poll} (2 s) after the last run
 * ended. Off with {@code huhang.notification.worker=false}: the integration tests run it
 * themselves, at the moments they name.
 */
@Component
@ConditionalOnProperty(
    name = "huhang.notification.worker",
    havingValue = "true",
    matchIfMissing = true)
class OutboxPolling {

  private final OutboxWorker worker;

  OutboxPolling(OutboxWorker worker) {
    this.worker = worker;
  }

  @Scheduled(
      fixedDelayString = "${huhang.notification.poll:2s}",
      initialDelayString = "${huhang.notification.poll:2s}")
  void poll() {
    worker.runOnce();
  }
}
