package org.huhang.casework;

/**
 * The safety plan of a case: whom to call, where to go, what happens next. {@code version} is the
 * one the editor saw (null for a new plan): a plan saved since by someone else is a conflict.
 */
public record SaveSafetyPlan(String contacts, String safePlace, String nextSteps, Integer version) {

  public SaveSafetyPlan {
    contacts = contacts == null ? "" : contacts.strip();
    safePlace = safePlace == null ? "" : safePlace.strip();
    nextSteps = nextSteps == null ? "" : nextSteps.strip();
  }
}
