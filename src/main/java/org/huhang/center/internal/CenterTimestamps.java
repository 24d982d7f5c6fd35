package org.huhang.center.internal;

import java.time.Clock;
import org.springframework.data.relational.core.mapping.event.BeforeConvertCallback;
import org.springframework.stereotype.Component;

/** Stamps every write of a center with the application clock, whoever saves it. */
@Component
class CenterTimestamps implements BeforeConvertCallback<Center> {

  private final Clock clock;

  CenterTimestamps(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Center onBeforeConvert(Center center) {
    center.stamp(clock.instant());
    return center;
  }
}
