package org.huhang.identity;

/** Where a personal API token stands: usable, past its last day, or revoked. */
public enum ApiTokenStatus {
  ACTIVE,
  EXPIRED,
  REVOKED
}
