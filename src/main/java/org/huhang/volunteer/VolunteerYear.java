package org.huhang.volunteer;

import java.math.BigDecimal;

/** A volunteer in a manager's care with its hours of one year, for the growth overview. */
public record VolunteerYear(
    VolunteerId id, String name, String centerName, BigDecimal service, BigDecimal training) {}
