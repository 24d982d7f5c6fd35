package org.huhang.region.internal;

import org.huhang.region.RegionLevel;
import org.huhang.region.RegionView;
import org.huhang.shared.Actor;
import org.huhang.shared.ForbiddenException;

/** Everyone reads the regions of its scope; administrators add townships and villages to it. */
public final class RegionPolicy {

  private RegionPolicy() {}

  public static boolean mayAddRegions(Actor actor) {
    return actor.role().isAdministrator();
  }

  public static void requireRegionAdder(Actor actor) {
    if (!mayAddRegions(actor)) {
      throw new ForbiddenException("only administrators add regions");
    }
  }

  /**
   * Administrators rename and close the townships and villages of their scope (the scope itself is
   * asked by the query); the city and its counties are the state's and stay as they are.
   */
  public static boolean mayChange(Actor actor, RegionView region) {
    return mayAddRegions(actor)
        && (region.level() == RegionLevel.TOWNSHIP || region.level() == RegionLevel.VILLAGE);
  }

  public static void requireMayChange(Actor actor, RegionView region) {
    if (!mayChange(actor, region)) {
      throw new ForbiddenException("only administrators change townships and villages");
    }
  }
}
