package org.huhang.teaching;

/** What the actor may do with one teaching case now: which buttons its page shows. */
public record TeachingActions(
    boolean edit, boolean approve, boolean approveForCounty, boolean withdraw, boolean attach) {}
