package org.huhang.shared.database;

import java.time.Clock;
import org.huhang.shared.Stamped;
import org.springframework.data.relational.core.mapping.event.BeforeConvertCallback;
import org.springframework.stereotype.Component;

/** Stamps every Spring Data JDBC save of a {@link Stamped} aggregate with the application clock. */
@Component
class WriteStamps implements BeforeConvertCallback<Stamped> {

  private final Clock clock;

  WriteStamps(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Stamped onBeforeConvert(Stamped aggregate) {
    aggregate.stamp(clock.instant());
    return aggregate;
  }
}
