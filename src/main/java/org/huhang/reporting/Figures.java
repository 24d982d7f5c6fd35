package org.huhang.reporting;

import java.math.BigDecimal;
import java.util.Map;
import org.huhang.casework.CaseStage;
import org.huhang.casework.SafetyReferralKind;
import org.huhang.outreach.OutreachType;
import org.huhang.volunteer.Background;

/**
 * The figures of a region and a period (SPEC §4 "Rates"), all counts, no person.
 *
 * <ul>
 *   <li>{@code applications}: divorce applications received in the period;
 *   <li>{@code counseled}: of those, the ones with at least one counseling session HELD on or
 *       before the outcome date (a pending application: any held session);
 *   <li>{@code reconciled}: counseled, outcome withdrawn, deemed withdrawn or (before 2021)
 *       cancelled or postponed, and never screened HIGH risk;
 *   <li>{@code highRisk}: applications whose case was ever screened HIGH risk: never a
 *       reconciliation target (SPEC §4 "Safety first"), shown on their own;
 *   <li>{@code counselingRate} = counseled / applications, {@code reconciliationRate} = reconciled
 *       / applications: percentages, two decimals, half-up; null without applications;
 *   <li>{@code reconciliationAmongCounseled}: reconciled over counseled applications without HIGH
 *       risk; {@code durableAt6Months}, {@code durableAt12Months}: reconciled couples who at that
 *       follow-up had not filed again, over reconciled couples followed up then;
 *   <li>centers and rooms open, active volunteers (by background) today; events held, courses
 *       started (with participants), cases opened and safety referrals made in the period.
 * </ul>
 */
public record Figures(
    long applications,
    long counseled,
    long reconciled,
    long highRisk,
    BigDecimal counselingRate,
    BigDecimal reconciliationRate,
    Ratio reconciliationAmongCounseled,
    Ratio durableAt6Months,
    Ratio durableAt12Months,
    long centers,
    long rooms,
    long volunteers,
    Map<Background, Long> volunteersByBackground,
    long outreachEvents,
    Map<OutreachType, Long> outreachEventsByType,
    long trainingCourses,
    long trainingParticipants,
    long cases,
    Map<CaseStage, Long> casesByStage,
    Map<String, Long> casesByIssueCategory,
    long highRiskCases,
    long safetyReferrals,
    Map<SafetyReferralKind, Long> safetyReferralsByKind) {}
