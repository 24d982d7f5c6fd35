package org.huhang.teaching;

import java.time.Instant;
import java.util.List;
import org.huhang.casework.CaseStage;

/**
 * A teaching case as its page and the API show it. It never names the case it came from: readers of
 * published material must not be able to find the family.
 */
public record TeachingCaseView(
    TeachingCaseId id,
    TeachingStatus status,
    CaseStage stage,
    List<String> issueCategories,
    boolean highRisk,
    String title,
    String background,
    String beliefSystem,
    String thinkingAngle,
    String emotionalFeelings,
    String behaviour,
    String result,
    String conclusion,
    String method,
    String lessons,
    String approvedBy,
    String countyApprovedBy,
    Instant publishedAt,
    long version,
    List<Material> materials) {

  /** A training module the case is material of. */
  public record Material(java.util.UUID moduleId, java.util.UUID courseId, String label) {}

  /** The six steps in the method's order, for pages that walk the chain. */
  public List<String> steps() {
    return java.util.Arrays.asList(
        beliefSystem, thinkingAngle, emotionalFeelings, behaviour, result, conclusion);
  }

  public boolean published() {
    return status == TeachingStatus.PUBLISHED;
  }
}
