package org.huhang.reporting.internal;

import java.util.EnumSet;
import java.util.Set;
import org.huhang.shared.Actor;
import org.huhang.shared.ForbiddenException;
import org.huhang.shared.Role;

/**
 * Who may read the figures: the city and county administrators, the analyst (figures only, never a
 * person: nothing the reporting module answers names or identifies one) and the center managers,
 * for their own region's subtree (their county: the figures they report on). Registrars and
 * counselors work single records and get 403.
 */
public final class StatsPolicy {

  static final Set<Role> READERS =
      EnumSet.of(Role.CITY_ADMIN, Role.COUNTY_ADMIN, Role.ANALYST, Role.CENTER_MANAGER);

  private StatsPolicy() {}

  public static boolean mayRead(Actor actor) {
    return actor != null && READERS.contains(actor.role());
  }

  public static void requireReader(Actor actor) {
    if (!mayRead(actor)) {
      throw new ForbiddenException("figures: administrators, analysts and center managers only");
    }
  }
}
