package org.huhang.identity.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Five failed logins within a minute for one account block every further attempt for that account
 * until the minute has passed. Five failures from one address (in a separate bucket) block further
 * <em>failures</em> from there: a correct password still passes, so colleagues behind one address
 * and API clients with valid credentials are not locked out by someone else's typos or guesses.
 * Only failures are counted. Counted per instance.
 */
@Component
class LoginThrottle {

  static final int MAX_FAILURES = 5;
  static final Duration WINDOW = Duration.ofMinutes(1);

  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  /** Seconds until the account may try again; 0 when it may try now. */
  long secondsBlocked(String username) {
    return wait(key("u", username));
  }

  /** Seconds until a failed attempt from the address is answered as a failure again, not 429. */
  long addressSecondsBlocked(String address) {
    return wait(key("a", address));
  }

  void recordFailure(String username, String address) {
    consume(key("u", username));
    consume(key("a", address));
  }

  private long wait(String key) {
    if (key == null) {
      return 0;
    }
    Bucket bucket = buckets.get(key);
    if (bucket == null || bucket.getAvailableTokens() > 0) {
      return 0;
    }
    long nanos = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
    return Math.max(1, Duration.ofNanos(nanos).toSeconds() + (nanos % 1_000_000_000L == 0 ? 0 : 1));
  }

  private void consume(String key) {
    if (key != null) {
      buckets.computeIfAbsent(key, k -> newBucket()).tryConsume(1);
    }
  }

  private static Bucket newBucket() {
    return Bucket.builder()
        .addLimit(
            Bandwidth.builder()
                .capacity(MAX_FAILURES)
                .refillIntervally(MAX_FAILURES, WINDOW)
                .build())
        .build();
  }

  private static String key(String kind, String value) {
    return value == null || value.isBlank()
        ? null
        : kind + ":" + value.strip().toLowerCase(Locale.ROOT);
  }

  /** Forgets every failure (an operator unblocking everyone at once; tests). */
  void clear() {
    buckets.clear();
  }

  /** Full buckets carry no information: drop them so the map does not grow without bound. */
  @Scheduled(fixedDelay = 120_000)
  void forgetRecovered() {
    buckets.values().removeIf(b -> b.getAvailableTokens() >= MAX_FAILURES);
  }
}
