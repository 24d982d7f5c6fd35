package org.huhang.outreach;

import java.time.LocalDate;

/** An honour won by a service project a volunteer serves in, newest first. */
public record VolunteerHonour(
    ServiceProjectId projectId,
    String projectName,
    String award,
    HonourLevel level,
    LocalDate awardedOn,
    boolean readable) {}
