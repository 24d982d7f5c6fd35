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
 * compact application rows with their counseling facts, and counts by region path (and month, type,
 * kind). Every figure (the region's, each child's, each month's, a dashboard's, an export's) is a
 * {@link FigureTally} of these rows, so no figure is computed twice two ways.
 */
public record FigureRows(
    List<ApplicationFact> applications,
    Map<ApplicationId, ApplicationCounseling> counseling,
    List<CenterCount> centers,
    List<VolunteerCount> volunteers,
    List<EventCount> events,
    List<CourseCount> courses,
    CaseCounts cases) {}
