package org.huhang.teaching;

import java.time.Instant;
import java.util.List;
import org.huhang.casework.CaseStage;

/** A line of the library's list. */
public record TeachingCaseSummary(
    TeachingCaseId id,
    String title,
    TeachingStatus status,
    CaseStage stage,
    List<String> issueCategories,
    String excerpt,
    Instant publishedAt) {}
