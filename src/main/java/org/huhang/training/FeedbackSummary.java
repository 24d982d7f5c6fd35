package org.huhang.training;

import java.math.BigDecimal;
import java.util.List;

/** What participants said of a course: the average rating, how many answered, their comments. */
public record FeedbackSummary(BigDecimal average, int count, List<String> comments) {}
