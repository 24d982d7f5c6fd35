package org.huhang.volunteer;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/** Log hours of service or training for a volunteer. */
public record LogHours(
    @NotNull(message = "{hours.kind.required}") HoursKind kind,
    @NotNull(message = "{hours.workedOn.required}") LocalDate workedOn,
    @NotNull(message = "{hours.hours.required}")
        @DecimalMin(value = "0.5", message = "{hours.hours.range}")
        @DecimalMax(value = "24", message = "{hours.hours.range}")
        @Digits(integer = 2, fraction = 1, message = "{hours.hours.range}")
        BigDecimal hours,
    @NotBlank(message = "{hours.description.required}")
        @Size(max = 200, message = "{hours.description.size}")
        String description) {}
