package org.huhang.volunteer;

import java.time.LocalDate;
import java.util.UUID;

/** A certificate or licence a volunteer holds. {@code expiresOn} is null when it never expires. */
public record Qualification(
    UUID id, String type, String number, String issuer, LocalDate expiresOn) {}
