package org.huhang.shared;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Reads the acting user from the security context of the current thread. */
public final class CurrentActor {

  private CurrentActor() {}

  public static Optional<Actor> find() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth != null && auth.getPrincipal() instanceof ActorHolder holder) {
      return Optional.of(holder.actor());
    }
    return Optional.empty();
  }

  public static Actor require() {
    return find().orElseThrow(() -> new ForbiddenException("not authenticated"));
  }
}
