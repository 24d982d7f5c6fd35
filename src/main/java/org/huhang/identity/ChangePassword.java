package org.huhang.identity;

import jakarta.validation.constraints.NotBlank;

/** The logged-in user changes its own password. */
public record ChangePassword(
    @NotBlank(message = "{password.current.required}") String currentPassword,
    @NotBlank(message = "{password.required}") String newPassword,
    @NotBlank(message = "{password.confirm.required}") String confirmPassword) {

  @Override
  public String toString() {
    return "ChangePassword[***]";
  }
}
