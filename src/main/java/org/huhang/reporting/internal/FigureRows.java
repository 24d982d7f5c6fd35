package org.huhang.reporting.internal;

import java.util.List;
import java.util.Map;
import org.huhang.casework.ApplicationCounseling;
import org.huhang.casework.CaseCounts;
import org.huhang.center.CenterCount;
import org.huhang.outreach.EventCount;
import org.huhang.registration.ApplicationFact;
import org.huhang.registration.ApplicationId;
import org.huhang.training.CourseCount;
import org.huhang.volunteer.VolunteerCount;

/**
 * Everything the figures of a region and a period are made of, read once from the modules' facades:
 * the couples counted by region path and month ({@link CoupleCount}), and counts by region path
 * (and month, type, kind) of the rest. Every figure (the region's, each child's, each month's, a
 * dashboard's, an export's) is a {@link FigureTally} of these rows, so no figure is computed twice
 * two ways. The compact application rows with their counseling facts are there only when the
 * applications behind a figure are listed ({@link FigureBook#behind}); the summary leaves them
 * empty and sums the couples from the cache of days ({@link FigureDays}).
 */
public record FigureRows(
    List<ApplicationFact> applications,
    Map<ApplicationId, ApplicationCounseling> counseling,
    List<CoupleCount> couples,
    List<CenterCount> centers,
    List<VolunteerCount> volunteers,
    List<EventCount> events,
    List<CourseCount> courses,
    CaseCounts cases) {}
