package org.huhang.outreach;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.huhang.center.CenterId;
import org.springframework.format.annotation.DateTimeFormat;

/** Start a volunteer service project at a center; {@code endedOn} null while it runs. */
public record SaveServiceProject(
    @NotBlank(message = "{project.name.required}") @Size(max = 100, message = "{project.name.size}")
        String name,
    @NotNull(message = "{project.center.required}") CenterId centerId,
    @NotNull(message = "{project.startedOn.required}")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        LocalDate startedOn,
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endedOn,
    @Size(max = 1000, message = "{project.description.size}") String description) {

  public SaveServiceProject {
    name = name == null ? null : name.strip();
    description = description == null ? null : description.strip();
  }

  public static SaveServiceProject blank(LocalDate today) {
    return new SaveServiceProject("", null, today, null, "");
  }
}
