package org.huhang.shared;

import java.time.Instant;

/**
 * An aggregate whose row records when it was created and last written. Every save stamps it with
 * the application clock ({@code shared/database/WriteStamps}), whichever move or path saved it.
 */
public interface Stamped {

  /** Records a write at {@code now}; the first write also sets the creation time. */
  void stamp(Instant now);
}
