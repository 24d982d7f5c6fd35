package org.huhang.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.huhang.shared.Role;

/** Create a user account within the administrator's scope. */
public record CreateUser(
    @NotBlank(message = "{user.username.required}")
        @Pattern(regexp = "[a-z0-9][a-z0-9._-]{2,31}", message = "{user.username.pattern}")
        String username,
    @NotBlank(message = "{user.displayName.required}")
        @Size(max = 50, message = "{user.displayName.size}")
        String displayName,
    @NotNull(message = "{user.role.required}") Role role,
    @NotBlank(message = "{user.regionCode.required}") String regionCode,
    @NotBlank(message = "{password.required}") String password) {

  public CreateUser {
    username = username == null ? null : username.strip().toLowerCase(java.util.Locale.ROOT);
    displayName = displayName == null ? null : displayName.strip();
    regionCode = regionCode == null ? null : regionCode.strip();
  }

  @Override
  public String toString() {
    return "CreateUser[username="
        + username
        + ", role="
        + role
        + ", regionCode="
        + regionCode
        + "]";
  }
}
