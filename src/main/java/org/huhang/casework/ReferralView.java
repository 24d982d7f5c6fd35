package org.huhang.casework;

import java.time.LocalDate;
import java.util.UUID;
import org.huhang.center.CenterId;
import org.huhang.registration.ApplicationId;

/**
 * A couple waiting in the referral queue (待建案): whose application, when it was received and until
 * when either party may still withdraw it, the center it was passed to (none while it waits in the
 * county's queue) and why.
 */
public record ReferralView(
    UUID id,
    ApplicationId applicationId,
    String couple,
    LocalDate receivedOn,
    LocalDate withdrawalDeadline,
    int daysLeft,
    CenterId centerId,
    String centerName,
    String passReason) {}
