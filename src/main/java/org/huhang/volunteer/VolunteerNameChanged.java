package org.huhang.volunteer;

import org.jmolecules.event.annotation.DomainEvent;

/**
 * A volunteer's name was corrected or erased on the person's request: a module that keeps a copy of
 * the name (a case's team, a course's participants) takes the current one through {@link
 * Volunteers#ref}. Carries no name, so no personal data sits in the event log.
 */
@DomainEvent
public record VolunteerNameChanged(VolunteerId volunteerId) {}
