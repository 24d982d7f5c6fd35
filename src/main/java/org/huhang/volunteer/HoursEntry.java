package org.huhang.volunteer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** Hours a volunteer served or trained on one day. */
public record HoursEntry(
    UUID id, HoursKind kind, LocalDate workedOn, BigDecimal hours, String description) {}
