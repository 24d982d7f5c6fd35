package org.huhang.shared.retention;

import java.time.Instant;

/**
 * A kind of record that is anonymised (or deleted) when its retention ends, declared by the module
 * that owns it as a Spring bean: the privacy module keeps the policies and runs them, without
 * knowing any module's tables, and no module knows the privacy module.
 *
 * <p>An implementation anonymises in the caller's transaction, one batch at a time, idempotently: a
 * record done is never due again. {@code scope} is a region path pattern for {@code LIKE} ("/%" for
 * everything); the nightly run passes the whole tree.
 */
public interface RetainedRecords {

  /** The kind's code, also the bundle key {@code retention.kind.<code>}. */
  String kind();

  /** How long a record is kept by default. */
  int defaultKeep();

  RetentionUnit unit();

  /** How many records a run with this cutoff would anonymise now. */
  long countDue(Instant cutoff, String scope);

  /** Anonymises up to {@code batch} due records; how many it did (0 when none is left). */
  int anonymiseDue(Instant cutoff, String scope, int batch);
}
