package org.huhang.identity.internal;

import jakarta.annotation.PreDestroy;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every use of a token updates its last-used time and address, but not with a write per request:
 * the latest use of each token waits here (one map entry per token, however many requests) and
 * {@link #flush} writes them all in one JDBC batch every 15 seconds and when the application stops.
 * A crash loses at most those 15 seconds of "last used" — a hint for the user, not a record; the
 * audit trail holds what must not be lost.
 */
@Component
public class ApiTokenUsage {

  /** The latest use of a token: when, and from which address. */
  public record Use(Instant at, String from) {}

  private final ConcurrentHashMap<UUID, Use> pending = new ConcurrentHashMap<>();
  private final ApiTokenRepository tokens;

  ApiTokenUsage(ApiTokenRepository tokens) {
    this.tokens = tokens;
  }

  public void record(UUID tokenId, Instant at, String from) {
    pending.merge(
        tokenId, new Use(at, from), (old, now) -> now.at().isBefore(old.at()) ? old : now);
  }

  /** The use not yet written, if any. */
  public Use pending(UUID tokenId) {
    return pending.get(tokenId);
  }

  @Scheduled(fixedDelay = 15_000, initialDelay = 15_000)
  public void flush() {
    Map<UUID, Use> taken = new HashMap<>();
    for (UUID id : pending.keySet()) {
      Use use = pending.remove(id);
      if (use != null) {
        taken.put(id, use);
      }
    }
    try {
      tokens.recordUses(taken);
    } catch (RuntimeException e) {
      // The database is away for a moment: keep the uses for the next flush (newer ones win).
      taken.forEach(
          (id, use) ->
              pending.merge(id, use, (now, old) -> now.at().isBefore(old.at()) ? old : now));
      throw e;
    }
  }

  @PreDestroy
  void flushAtShutdown() {
    flush();
  }
}
