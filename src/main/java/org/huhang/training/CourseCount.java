package org.huhang.training;

/**
 * The courses of a region path starting in a period and their participants (enrolled or completed;
 * a person in two courses counts twice): for the figures.
 */
public record CourseCount(String regionPath, long courses, long participants) {}
