package org.huhang.registration;

import java.time.LocalDate;
import org.jmolecules.event.annotation.DomainEvent;

/**
 * An application reached its outcome: withdrawn, deemed withdrawn, or divorced, on the day the law
 * counts. Published by every path that decides it (form, API, the deemed-withdrawn job), so that a
 * counseling case of a cooling-off couple learns its legal outcome. Carries no personal data.
 */
@DomainEvent
public record ApplicationDecided(ApplicationId applicationId, Outcome outcome, LocalDate on) {}
