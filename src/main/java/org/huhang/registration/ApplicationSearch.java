package org.huhang.registration;

import java.time.LocalDate;

/** Filters of the application list; all optional. */
public record ApplicationSearch(
    Outcome outcome,
    Boolean counselingAccepted,
    LocalDate from,
    LocalDate to,
    Integer page,
    Integer size) {}
