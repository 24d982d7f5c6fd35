package org.huhang.casework.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.huhang.identity.UserRef;
import org.huhang.identity.Users;
import org.springframework.stereotype.Component;

/**
 * The names people read instead of login names ("无棣县辅导员", not "counselor-371623") wherever a case
 * page says who recorded something. A name is remembered for a minute: a page lists the same few
 * people many times. A login that is no user (the system, the demo loader) stays as it is.
 */
@Component
public class PeopleNames {

  private static final Duration KEEP = Duration.ofMinutes(1);
  private static final int MAX = 2000;

  private record Known(String name, Instant until) {}

  private final Users users;
  private final Clock clock;
  private final Map<String, Known> known = new ConcurrentHashMap<>();

  PeopleNames(Users users, Clock clock) {
    this.users = users;
    this.clock = clock;
  }

  public String display(String username) {
    if (username == null || username.isBlank()) {
      return username;
    }
    Instant now = clock.instant();
    Known hit = known.get(username);
    if (hit != null && hit.until().isAfter(now)) {
      return hit.name();
    }
    String name =
        users
            .findByUsername(username)
            .map(UserRef::displayName)
            .filter(n -> n != null && !n.isBlank())
            .orElse(username);
    if (known.size() >= MAX) {
      known.clear();
    }
    known.put(username, new Known(name, now.plus(KEEP)));
    return name;
  }
}
