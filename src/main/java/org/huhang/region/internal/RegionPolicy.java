package org.huhang.region.internal;

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
}
