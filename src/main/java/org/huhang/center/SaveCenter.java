package org.huhang.center;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** Create or edit a center. The region is fixed once the center exists. */
public record SaveCenter(
    @NotNull(message = "{center.kind.required}") CenterKind kind,
    @NotBlank(message = "{center.name.required}") @Size(max = 100, message = "{center.name.size}")
        String name,
    @NotBlank(message = "{center.regionCode.required}") String regionCode,
    @NotBlank(message = "{center.address.required}")
        @Size(max = 200, message = "{center.address.size}")
        String address,
    @Size(max = 30, message = "{center.phone.size}") String phone,
    @Size(max = 200, message = "{center.openingHours.size}") String openingHours,
    @NotNull(message = "{center.capacity.required}")
        @Min(value = 0, message = "{center.capacity.range}")
        @Max(value = 1000, message = "{center.capacity.range}")
        Integer capacity,
    UUID managerId,
    @NotNull(message = "{center.status.required}") CenterStatus status) {

  public SaveCenter {
    name = strip(name);
    regionCode = strip(regionCode);
    address = strip(address);
    phone = strip(phone);
    openingHours = strip(openingHours);
  }

  private static String strip(String s) {
    return s == null ? null : s.strip();
  }

  public static SaveCenter blank(String regionCode) {
    return new SaveCenter(
        CenterKind.CENTER, "", regionCode, "", "", "", 8, null, CenterStatus.OPEN);
  }

  public static SaveCenter of(CenterView c) {
    return new SaveCenter(
        c.kind(),
        c.name(),
        c.regionCode(),
        c.address(),
        c.phone(),
        c.openingHours(),
        c.capacity(),
        c.managerId(),
        c.status());
  }
}
