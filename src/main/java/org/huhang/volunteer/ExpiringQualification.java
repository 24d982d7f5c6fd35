package org.huhang.volunteer;

import java.time.LocalDate;
import java.util.UUID;

/** A certificate that runs out soon, for the manager's home page. */
public record ExpiringQualification(
    UUID volunteerId, String volunteerName, String type, LocalDate expiresOn) {}
