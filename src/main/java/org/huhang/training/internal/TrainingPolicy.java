package org.huhang.training.internal;

import org.huhang.region.RegionLevel;
import org.huhang.region.RegionView;
import org.huhang.shared.Actor;
import org.huhang.shared.ForbiddenException;
import org.huhang.shared.Role;
import org.springframework.stereotype.Component;

/**
 * Who may do what with training courses, in one place. Everyone signed in but a registrar reads the
 * courses of its region and the ones above it (a city course is every county's); administrators
 * create the courses of their scope and run them: modules, enrollment, attendance, certificates.
 * The volunteer linked to a participant downloads its own certificate and gives feedback.
 */
@Component
public class TrainingPolicy {

  public boolean mayRead(Actor actor) {
    return actor != null && !actor.is(Role.REGISTRAR);
  }

  void requireRead(Actor actor) {
    if (!mayRead(actor)) {
      throw new ForbiddenException("training courses");
    }
  }

  public boolean mayCreate(Actor actor) {
    return actor.role().isAdministrator();
  }

  void requireCreate(Actor actor) {
    if (!mayCreate(actor)) {
      throw new ForbiddenException("administrators only");
    }
  }

  /** An administrator whose scope holds the course runs it (a county admin not a city course). */
  public boolean mayManage(Actor actor, String courseRegionPath) {
    return actor.role().isAdministrator() && actor.scope().covers(courseRegionPath);
  }

  void requireManage(Actor actor, String courseRegionPath) {
    if (!mayManage(actor, courseRegionPath)) {
      throw new ForbiddenException("not this course");
    }
  }

  /** The regions a new course may be for: the city only for the city's administrator. */
  boolean offers(Actor actor, RegionView region) {
    return actor.scope().covers(region.path())
        && !region.closed()
        && (region.level() == RegionLevel.COUNTY
            || (region.level() == RegionLevel.CITY && actor.is(Role.CITY_ADMIN)));
  }

  /** The like pattern of the actor's region. */
  String scope(Actor actor) {
    return actor.scope().likePattern();
  }
}
