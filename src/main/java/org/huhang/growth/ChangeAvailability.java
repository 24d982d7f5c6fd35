package org.huhang.growth;

import java.util.List;
import java.util.Set;
import org.huhang.volunteer.HalfDay;

/** The half-days a volunteer can serve, as it ticks them on its own page. */
public record ChangeAvailability(List<HalfDay> availability) {

  public Set<HalfDay> slots() {
    return availability == null ? Set.of() : Set.copyOf(availability);
  }
}
