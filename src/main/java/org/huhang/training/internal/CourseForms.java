package org.huhang.training.internal;

import java.util.List;
import org.huhang.region.RegionView;
import org.huhang.region.Regions;
import org.huhang.shared.Actor;
import org.huhang.training.CourseId;
import org.huhang.training.CourseView;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the course forms offer: the regions a new course may be for; asking for a form is refused as
 * saving it would be.
 */
@Service
@Transactional(readOnly = true)
public class CourseForms {

  private final CourseCatalog catalog;
  private final TrainingPolicy policy;
  private final Regions regions;

  CourseForms(CourseCatalog catalog, TrainingPolicy policy, Regions regions) {
    this.catalog = catalog;
    this.policy = policy;
    this.regions = regions;
  }

  /** The regions a new course may be for (403 unless the actor may create courses). */
  public List<RegionView> regionsForNew(Actor actor) {
    policy.requireRead(actor);
    policy.requireCreate(actor);
    return regions.inScope(actor.scope()).stream().filter(r -> policy.offers(actor, r)).toList();
  }

  /** A course the actor runs, for its edit and module forms (404, 403). */
  public CourseView managed(CourseId id, Actor actor) {
    return catalog.view(catalog.managed(id, actor));
  }
}
