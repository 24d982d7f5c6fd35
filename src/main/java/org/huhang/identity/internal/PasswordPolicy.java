package org.huhang.identity.internal;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.huhang.shared.DomainException.FieldProblem;

/**
 * A password has at least 10 characters, is not the username (nor contains it), and fits the 72
 * bytes that BCrypt reads: a longer one would be silently cut.
 */
public final class PasswordPolicy {

  public static final int MIN_LENGTH = 10;
  public static final int MAX_BYTES = 72;

  private PasswordPolicy() {}

  public static Optional<FieldProblem> check(String field, String username, String password) {
    if (password == null || password.isEmpty()) {
      return problem(field, "password.required");
    }
    if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
      return problem(field, "password.tooShort", MIN_LENGTH);
    }
    if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      return problem(field, "password.tooLong", MAX_BYTES);
    }
    if (username != null && !username.isBlank()) {
      String p = password.toLowerCase(Locale.ROOT);
      String u = username.strip().toLowerCase(Locale.ROOT);
      if (p.equals(u) || p.contains(u) || p.equals(new StringBuilder(u).reverse().toString())) {
        return problem(field, "password.containsUsername");
      }
    }
    if (password.isBlank()) {
      return problem(field, "password.required");
    }
    return Optional.empty();
  }

  private static Optional<FieldProblem> problem(String field, String key, Object... args) {
    return Optional.of(new FieldProblem(field, key, args));
  }
}
