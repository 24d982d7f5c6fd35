package org.huhang.volunteer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** Record a certificate or licence. */
public record AddQualification(
    @NotBlank(message = "{qualification.type.required}")
        @Size(max = 60, message = "{qualification.type.size}")
        String type,
    @NotBlank(message = "{qualification.number.required}")
        @Size(max = 60, message = "{qualification.number.size}")
        String number,
    @NotBlank(message = "{qualification.issuer.required}")
        @Size(max = 100, message = "{qualification.issuer.size}")
        String issuer,
    LocalDate expiresOn) {}
