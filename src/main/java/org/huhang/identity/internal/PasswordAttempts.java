package org.huhang.identity.internal;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Wrong current passwords on the change-password page: five per user within 15 minutes, then the
 * page refuses further attempts until the window has refilled. Someone who found an open session
 * cannot guess the password behind it. Counted per instance.
 */
@Component
public class PasswordAttempts {

  static final int MAX_FAILURES = 5;
  static final Duration WINDOW = Duration.ofMinutes(15);

  private final Map<UUID, Bucket> buckets = new ConcurrentHashMap<>();

  /** Minutes until the user may try again (rounded up); 0 when it may try now. */
  public long minutesBlocked(UUID userId) {
    Bucket bucket = buckets.get(userId);
    if (bucket == null || bucket.getAvailableTokens() > 0) {
      return 0;
    }
    long nanos = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
    return Math.max(1, (nanos + 59_999_999_999L) / 60_000_000_000L);
  }

  public void recordFailure(UUID userId) {
    buckets
        .computeIfAbsent(
            userId,
            k ->
                Bucket.builder()
                    .addLimit(
                        Bandwidth.builder()
                            .capacity(MAX_FAILURES)
                            .refillIntervally(MAX_FAILURES, WINDOW)
                            .build())
                    .build())
        .tryConsume(1);
  }

  /** Forgets every failure (tests). */
  public void clear() {
    buckets.clear();
  }

  @Scheduled(fixedDelay = 300_000)
  void forgetRecovered() {
    buckets.values().removeIf(b -> b.getAvailableTokens() >= MAX_FAILURES);
  }
}
