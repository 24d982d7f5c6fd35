package org.huhang.audit;

/** How the audited action ended. */
public enum AuditOutcome {
  SUCCESS,
  FAILURE,
  DENIED
}
