package org.huhang.volunteer.internal;

import org.huhang.center.CenterId;
import org.huhang.center.CenterUsage;
import org.springframework.stereotype.Component;

/** Tells the center module how many volunteers a center still has. */
@Component
class VolunteersAtCenters implements CenterUsage {

  private final VolunteerQueries queries;

  VolunteersAtCenters(VolunteerQueries queries) {
    this.queries = queries;
  }

  @Override
  public long countAt(CenterId centerId) {
    return queries.countAt(centerId.value());
  }
}
