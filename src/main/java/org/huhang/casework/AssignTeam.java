package org.huhang.casework;

import java.util.List;
import java.util.UUID;

/**
 * A case's team as the manager confirms it: one lead counselor and optional co-counselors, by
 * volunteer id. Whoever is on the team now and not here is removed (dated, never deleted).
 */
public record AssignTeam(UUID lead, List<UUID> coCounselors) {

  public AssignTeam {
    coCounselors =
        coCounselors == null
            ? List.of()
            : coCounselors.stream().filter(java.util.Objects::nonNull).distinct().toList();
  }
}
