package org.huhang.shared.retention;

/**
 * The unit of a retention period: months after its end (a closed case) or hours (a staged file).
 */
public enum RetentionUnit {
  MONTHS,
  HOURS
}
