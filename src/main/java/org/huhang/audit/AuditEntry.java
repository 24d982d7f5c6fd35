package org.huhang.audit;

import java.time.Instant;

/** One row of the audit trail as the search page and API show it. */
public record AuditEntry(
    long id,
    Instant occurredAt,
    String username,
    String role,
    String regionCode,
    String action,
    String entityType,
    String entityId,
    AuditOutcome outcome,
    String clientAddress) {}
