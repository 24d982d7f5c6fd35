package org.huhang.center.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The names of centers for a list's rows, from memory when they were read in the last {@link
 * #FRESH_MILLIS} ms, else in one query; as {@code Regions#names}. Volunteer, case and event lists
 * asked for them on every page, one round trip of three (issue 13). The scope is checked here on
 * the remembered region path and manager, as the query did. A change to a center clears them on
 * this instance once committed; another instance shows the old name or scope for at most that long.
 */
@Component
class CenterNames {

  static final long FRESH_MILLIS = 30_000;
  private static final int KEPT = 50_000;

  private final CenterQueries queries;
  private final Clock clock;
  private final ConcurrentHashMap<UUID, Known> known = new ConcurrentHashMap<>();

  CenterNames(CenterQueries queries, Clock clock) {
    this.queries = queries;
    this.clock = clock;
  }

  /** These centers' names among those the scope sees; the others are left out. */
  Map<UUID, String> of(Collection<UUID> ids, CenterScope scope) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    long now = clock.millis();
    Map<UUID, String> found = new HashMap<>();
    List<UUID> missing = new ArrayList<>();
    for (UUID id : ids) {
      Known k = id == null ? null : known.get(id);
      if (k != null && now - k.readAt() < FRESH_MILLIS) {
        if (k.seenBy(scope)) {
          found.put(id, k.name());
        }
      } else if (id != null) {
        missing.add(id);
      }
    }
    if (!missing.isEmpty()) {
      if (known.size() > KEPT) {
        known.clear();
      }
      for (CenterQueries.NameRow row : queries.nameRows(missing)) {
        Known k = new Known(row.name(), row.regionPath(), row.managerUserId(), now);
        known.put(row.id(), k);
        if (k.seenBy(scope)) {
          found.put(row.id(), k.name());
        }
      }
    }
    return found;
  }

  /** Forgets every name once the current transaction ends (a center was saved or deleted). */
  void forgetAfterThisTransaction() {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
              known.clear();
            }
          });
    } else {
      known.clear();
    }
  }

  private record Known(String name, String regionPath, UUID managerId, long readAt) {

    /** As the queries' {@code region_path like :scope} and {@code manager_user_id = :manager}. */
    boolean seenBy(CenterScope scope) {
      if (scope.managerId() != null) {
        return Objects.equals(scope.managerId(), managerId);
      }
      return CenterNames.like(regionPath, scope.regionPattern());
    }
  }

  /**
   * A region pattern as the policies make them: a path with a trailing {@code %} (or {@code %}
   * alone) matches the paths that start with it; paths hold only digits and slashes.
   */
  static boolean like(String path, String pattern) {
    if (path == null || pattern == null) {
      return false;
    }
    return pattern.endsWith("%") && pattern.indexOf('%') == pattern.length() - 1
        ? path.startsWith(pattern.substring(0, pattern.length() - 1))
        : pattern.indexOf('%') < 0 && pattern.indexOf('_') < 0 && path.equals(pattern);
  }
}
