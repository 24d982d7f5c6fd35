package org.huhang.casework;

import java.util.List;

/**
 * Counts of the cases of a region's subtree opened in a period, each by the case's region path so
 * that a caller can add them up for the region and for each of its children: cases by stage (and
 * how many of them HIGH risk), cases by issue category (a case counts once in each of its
 * categories), and safety referrals made in the period by kind.
 */
public record CaseCounts(
    List<StageCount> stages, List<CategoryCount> categories, List<ReferralCount> referrals) {

  public record StageCount(String regionPath, CaseStage stage, long cases, long highRisk) {}

  public record CategoryCount(String regionPath, String category, long cases) {}

  public record ReferralCount(String regionPath, SafetyReferralKind kind, long referrals) {}
}
