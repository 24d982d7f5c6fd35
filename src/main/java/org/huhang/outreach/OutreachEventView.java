package org.huhang.outreach;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.huhang.center.CenterId;

/** An outreach event as pages and the API read it, with the names of its region and center. */
public record OutreachEventView(
    OutreachEventId id,
    long version,
    OutreachType type,
    String title,
    LocalDate heldOn,
    LocalTime startsAt,
    String regionCode,
    String regionName,
    String regionPath,
    String place,
    CenterId centerId,
    String centerName,
    List<String> speakers,
    String audience,
    int attendance,
    String summary) {}
