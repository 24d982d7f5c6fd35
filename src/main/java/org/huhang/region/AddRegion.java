package org.huhang.region;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Add a township or village below {@code parentCode}. */
public record AddRegion(
    @NotBlank(message = "{region.parentCode.required}") String parentCode,
    @NotBlank(message = "{region.code.required}") String code,
    @NotBlank(message = "{region.name.required}") @Size(max = 50, message = "{region.name.size}")
        String name) {

  public AddRegion {
    code = code == null ? null : code.strip();
    name = name == null ? null : name.strip();
    parentCode = parentCode == null ? null : parentCode.strip();
  }
}
