package org.huhang.casework;

import java.time.LocalDate;
import org.huhang.registration.ApplicationId;

/**
 * What the figures need of the case opened for an application: the day of its first HELD counseling
 * session (null when none was held), whether any screening ever found HIGH risk, and the answers of
 * its 6- and 12-month follow-ups (whether the couple filed again; null when that follow-up was not
 * done). Nothing here identifies a person.
 */
public record ApplicationCounseling(
    ApplicationId applicationId,
    LocalDate firstHeldOn,
    boolean highRisk,
    Boolean filedAgainAt6,
    Boolean filedAgainAt12) {}
