package org.huhang.volunteer.internal;

import java.time.LocalDate;
import java.util.UUID;

/** A certificate that runs out soon, for the manager's home page. */
record ExpiringQualification(
    UUID volunteerId, String volunteerName, String type, LocalDate expiresOn) {}
