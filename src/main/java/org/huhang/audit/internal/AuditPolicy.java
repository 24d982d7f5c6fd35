package org.huhang.audit.internal;

import org.huhang.shared.Actor;
import org.huhang.shared.ForbiddenException;
import org.huhang.shared.Role;

/**
 * Who reads the audit trail: the city administrator alone; everyone's actions are written to it.
 */
public final class AuditPolicy {

  private AuditPolicy() {}

  public static boolean mayReadTrail(Actor actor) {
    return actor.is(Role.CITY_ADMIN);
  }

  public static void requireAuditor(Actor actor) {
    if (!mayReadTrail(actor)) {
      throw new ForbiddenException("the audit trail is for the city administrator");
    }
  }
}
