package org.huhang.identity.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.huhang.audit.AuditTrail;
import org.huhang.region.Regions;
import org.huhang.shared.Actor;
import org.huhang.shared.LegalTime;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks a Bearer token cheaply: SHA-256 of the presented secret (microseconds, where bcrypt of a
 * Basic password cost ~80 ms and held the API at 26 requests/s), then a look-up in a map of tokens
 * seen in the last 30 seconds, else one query of the unique hash index joined with the user.
 *
 * <p>Why the 30-second cache: it makes a token request cost no query at all, and revoking a token
 * or disabling its user in this JVM removes the entry at once. Another instance of the application
 * (several behind a balancer) may honour a revoked token or a disabled user for up to 30 seconds
 * more; the expiry day is checked on every request. Only valid tokens are cached; an unknown or
 * refused token costs one indexed query each time.
 *
 * <p>Each use is handed to {@link ApiTokenUsage} (no write per request); the first use of a token
 * from an address not seen before (the last stored address, then every address this JVM saw) is
 * written to the audit trail once.
 */
@Component
public class ApiTokenAuthenticator {

  static final long TTL_NANOS = TimeUnit.SECONDS.toNanos(30);
  static final int MAX_ENTRIES = 10_000;
  static final int MAX_ADDRESSES = 256;

  private record Entry(
      ApiTokenAuthentication authentication, UUID userId, LocalDate expiresOn, long loadedAt) {}

  private final ConcurrentHashMap<String, Entry> cache = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<UUID, Set<String>> seenFrom = new ConcurrentHashMap<>();
  private final ApiTokenRepository tokens;
  private final ApiTokenUsage usage;
  private final Regions regions;
  private final AuditTrail audit;
  private final TransactionTemplate tx;
  private final Clock clock;

  ApiTokenAuthenticator(
      ApiTokenRepository tokens,
      ApiTokenUsage usage,
      Regions regions,
      AuditTrail audit,
      PlatformTransactionManager transactions,
      Clock clock) {
    this.tokens = tokens;
    this.usage = usage;
    this.regions = regions;
    this.audit = audit;
    this.tx = new TransactionTemplate(transactions);
    this.clock = clock;
  }

  /** The token's authentication, or empty when it is unknown, expired, revoked or its user off. */
  public Optional<ApiTokenAuthentication> authenticate(String token) {
    if (!ApiTokenSecrets.wellFormed(token)) {
      return Optional.empty();
    }
    byte[] hash = ApiTokenSecrets.hash(token);
    String key = HexFormat.of().formatHex(hash);
    LocalDate today = LocalDate.now(clock.withZone(LegalTime.ZONE));
    Entry entry = cache.get(key);
    if (entry != null && System.nanoTime() - entry.loadedAt() < TTL_NANOS) {
      return today.isAfter(entry.expiresOn())
          ? Optional.empty()
          : Optional.of(entry.authentication());
    }
    cache.remove(key);
    Optional<ApiTokenRepository.Holder> found = tokens.findByHash(hash);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    ApiTokenRow row = found.get().token();
    UserRow user = found.get().user();
    if (row.revokedAt() != null || !user.enabled() || today.isAfter(row.expiresOn())) {
      return Optional.empty();
    }
    String regionName =
        regions.find(user.regionCode()).map(r -> r.name()).orElse(user.regionCode());
    Actor actor =
        new Actor(
            user.id(),
            user.username(),
            user.displayName(),
            user.role(),
            user.regionCode(),
            regionName,
            user.regionPath());
    ApiTokenAuthentication authentication =
        new ApiTokenAuthentication(new HuhangPrincipal(actor, null, true), row.id());
    seenFrom.computeIfAbsent(row.id(), id -> seeded(row));
    if (cache.size() >= MAX_ENTRIES) {
      cache.clear();
    }
    cache.put(key, new Entry(authentication, user.id(), row.expiresOn(), System.nanoTime()));
    return Optional.of(authentication);
  }

  private Set<String> seeded(ApiTokenRow row) {
    Set<String> seen = ConcurrentHashMap.newKeySet();
    ApiTokenUsage.Use pending = usage.pending(row.id());
    if (pending != null && pending.from() != null) {
      seen.add(pending.from());
    }
    if (row.lastUsedFrom() != null) {
      seen.add(row.lastUsedFrom());
    }
    return seen;
  }

  /**
   * Notes a use of the token from the address, once the request's security context holds it: the
   * last-used time waits for the next flush; a new address is audited now, once.
   */
  public void used(ApiTokenAuthentication authentication, String address) {
    UUID id = authentication.tokenId();
    usage.record(id, clock.instant(), address);
    if (address == null) {
      return;
    }
    Set<String> seen = seenFrom.computeIfAbsent(id, k -> ConcurrentHashMap.newKeySet());
    if (seen.contains(address)) {
      return;
    }
    if (seen.size() >= MAX_ADDRESSES) {
      seen.clear();
    }
    if (seen.add(address)) {
      tx.executeWithoutResult(
          s -> audit.recordWrite("api-token.newAddress", "api-token", id.toString()));
    }
  }

  /** Forgets a revoked token at once (in this JVM), and again when the revocation commits. */
  public void forgetToken(UUID tokenId) {
    forget(() -> cache.values().removeIf(e -> e.authentication().tokenId().equals(tokenId)));
  }

  /** Forgets every token of a disabled user at once (in this JVM), and again at commit. */
  public void forgetUser(UUID userId) {
    forget(() -> cache.values().removeIf(e -> e.userId().equals(userId)));
  }

  /**
   * Now, and once more after the commit: a request in between may have read the row as it was
   * before the change and cached it again.
   */
  private static void forget(Runnable removal) {
    removal.run();
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              removal.run();
            }
          });
    }
  }

  @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
  void evictStale() {
    long now = System.nanoTime();
    cache.values().removeIf(e -> now - e.loadedAt() >= TTL_NANOS);
  }
}
