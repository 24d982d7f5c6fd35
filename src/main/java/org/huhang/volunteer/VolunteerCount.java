package org.huhang.volunteer;

/** How many active volunteers of a background a region path has: for the figures. */
public record VolunteerCount(String regionPath, Background background, long active) {}
