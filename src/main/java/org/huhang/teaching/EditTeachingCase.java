package org.huhang.teaching;

/**
 * A manager's edit of a draft: the title, the background, the six steps, the counselors' method and
 * the lessons or questions for discussion; {@code version} is the one the editor read.
 */
public record EditTeachingCase(
    String title,
    String background,
    String beliefSystem,
    String thinkingAngle,
    String emotionalFeelings,
    String behaviour,
    String result,
    String conclusion,
    String method,
    String lessons,
    Long version) {}
