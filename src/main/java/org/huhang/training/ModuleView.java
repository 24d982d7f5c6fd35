package org.huhang.training;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/** A module of a course. */
public record ModuleView(
    UUID id,
    ModuleKind kind,
    LocalDate day,
    LocalTime startsAt,
    LocalTime endsAt,
    BigDecimal hours,
    String title,
    String hostCenter,
    String trainer,
    String topic,
    String groups) {}
