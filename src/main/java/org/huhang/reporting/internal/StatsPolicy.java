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

  /**
   * Who may see the records behind a figure (masked, as the registration lists show them): the
   * readers who follow applications. Never the analyst: figures only, never a person.
   */
  static final Set<Role> RECORD_READERS =
      EnumSet.of(Role.CITY_ADMIN, Role.COUNTY_ADMIN, Role.CENTER_MANAGER);

  private StatsPolicy() {}

  public static boolean mayRead(Actor actor) {
    return actor != null && READERS.contains(actor.role());
  }

  public static void requireReader(Actor actor) {
    if (!mayRead(actor)) {
      throw new ForbiddenException("figures: administrators, analysts and center managers only");
    }
  }

  public static boolean mayListRecords(Actor actor) {
    return actor != null && RECORD_READERS.contains(actor.role());
  }

  /** Readers without records (the analyst) 403, like everyone who reads no figures at all. */
  public static void requireRecordReader(Actor actor) {
    requireReader(actor);
    if (!mayListRecords(actor)) {
      throw new ForbiddenException("records behind figures: never for the analyst");
    }
  }
}
