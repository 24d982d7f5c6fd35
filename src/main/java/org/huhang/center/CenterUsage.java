package org.huhang.center;

/**
 * Implemented by modules whose records sit at a center (volunteers, later cases): a center still in
 * use is not deleted, only closed.
 */
public interface CenterUsage {

  /** How many of this module's records belong to the center. */
  long countAt(CenterId centerId);
}
