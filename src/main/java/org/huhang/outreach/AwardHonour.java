package org.huhang.outreach;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** Record an honour a project won: the award as written on it, its level and its day. */
public record AwardHonour(
    @NotBlank(message = "{project.honour.award.required}")
        @Size(max = 100, message = "{project.honour.award.size}")
        String award,
    @NotNull(message = "{project.honour.level.required}") HonourLevel level,
    @NotNull(message = "{project.honour.awardedOn.required}")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        LocalDate awardedOn) {

  public AwardHonour {
    award = award == null ? null : award.strip();
  }
}
