package org.huhang.teaching;

/**
 * A draft is seen only by the managers of its case; approving publishes it, or for a case that was
 * once found high-risk waits for the county administrator's second approval. Nothing moves on its
 * own.
 */
public enum TeachingStatus {
  DRAFT,
  AWAITING_COUNTY,
  PUBLISHED
}
