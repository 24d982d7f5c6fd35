package org.huhang.registration.internal;

import java.util.Optional;
import org.huhang.shared.Actor;
import org.huhang.shared.ForbiddenException;
import org.huhang.shared.Role;
import org.springframework.stereotype.Component;

/**
 * Who may do what with divorce applications and the holiday calendar: the module's one place for
 * access rules. Services ask it before they act; pages ask it only what to show.
 */
@Component
public class RegistrationPolicy {

  /** Registrars record applications, their outcomes and imports from the registration system. */
  public boolean mayRecord(Actor actor) {
    return actor.is(Role.REGISTRAR);
  }

  /** Registrars, administrators and center managers follow the applications of their scope. */
  public boolean mayFollow(Actor actor) {
    return actor.is(Role.REGISTRAR)
        || actor.role().isAdministrator()
        || actor.is(Role.CENTER_MANAGER);
  }

  /** The city administrator keeps the holiday calendar. */
  public boolean mayKeepCalendar(Actor actor) {
    return actor.is(Role.CITY_ADMIN);
  }

  public void requireRecorder(Actor actor) {
    if (!mayRecord(actor)) {
      throw new ForbiddenException("registrars record applications and their outcomes");
    }
  }

  public void requireFollower(Actor actor) {
    if (!mayFollow(actor)) {
      throw new ForbiddenException("applications");
    }
  }

  public void requireCalendarKeeper(Actor actor) {
    if (!mayKeepCalendar(actor)) {
      throw new ForbiddenException("the city administrator keeps the calendar");
    }
  }

  /**
   * The scope (a LIKE pattern) in which the actor follows applications. Empty for counselors: they
   * will see the applications of their cases, and casework assigns none yet. Anyone else who does
   * not follow applications is refused.
   */
  public Optional<String> followedScope(Actor actor) {
    if (actor.is(Role.COUNSELOR)) {
      return Optional.empty();
    }
    if (!mayFollow(actor)) {
      throw new ForbiddenException("applications");
    }
    return Optional.of(actor.scope().likePattern());
  }
}
