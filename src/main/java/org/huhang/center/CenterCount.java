package org.huhang.center;

/** How many centers or rooms of a kind are open at a region path: for the figures. */
public record CenterCount(String regionPath, CenterKind kind, long open) {}
