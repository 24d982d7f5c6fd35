package org.huhang.registration;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The answer to {@link CounselingRequested}: published by the module that turns a counseling
 * request into a case (casework) when it opens the case. Registration owns this type so that the
 * dependency runs one way only, casework to registration; it marks the application case-opened.
 */
public record CounselingCaseOpened(ApplicationId applicationId, UUID caseId, LocalDate openedOn) {}
