package org.huhang.privacy;

import java.time.Instant;
import org.huhang.shared.retention.RetentionUnit;

/**
 * One kind of record on the retention page: how long it is kept, whether that is the default, how
 * many records the next run would anonymise, and the last run.
 */
public record RetentionView(
    String kind,
    int keep,
    RetentionUnit unit,
    boolean standard,
    long due,
    Instant lastRunAt,
    long lastRunAnonymised) {}
