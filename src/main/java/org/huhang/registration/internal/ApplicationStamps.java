package org.huhang.registration.internal;

import java.time.Clock;
import org.springframework.data.relational.core.mapping.event.BeforeConvertCallback;
import org.springframework.stereotype.Component;

/** Every save of an application stamps its time, whichever move or path saved it. */
@Component
class ApplicationStamps implements BeforeConvertCallback<DivorceApplication> {

  private final Clock clock;

  ApplicationStamps(Clock clock) {
    this.clock = clock;
  }

  @Override
  public DivorceApplication onBeforeConvert(DivorceApplication application) {
    application.stamp(clock.instant());
    return application;
  }
}
