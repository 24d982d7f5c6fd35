package org.huhang.training;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.huhang.shared.Actor;

/**
 * Material another module attaches to course modules (a teaching case, …), shown on the course page
 * under its module. Implemented by that module, so that training depends on no one.
 */
public interface ModuleMaterials {

  /** A material with the title and the address a reader follows. */
  record Material(UUID moduleId, String title, String href) {}

  /** The materials of these modules the actor may open; none is an empty list. */
  List<Material> materials(Collection<UUID> moduleIds, Actor actor);
}
