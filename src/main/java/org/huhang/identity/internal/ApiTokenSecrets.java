package org.huhang.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The token's secret: {@code hh_} and 32 random bytes from {@link SecureRandom} in base64url
 * without padding (46 characters in all; the prefix lets secret scanners and people recognise it).
 * Only its SHA-256 is stored: a token holds 256 random bits, so a fast hash is enough (a slow one
 * such as bcrypt protects guessable passwords, and cost the API its speed).
 */
public final class ApiTokenSecrets {

  public static final String PREFIX = "hh_";
  public static final int LENGTH = PREFIX.length() + 43;

  private static final SecureRandom RANDOM = new SecureRandom();

  private ApiTokenSecrets() {}

  public static String generate() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Whether a text has the token's shape (prefix, length, base64url alphabet). */
  public static boolean wellFormed(String token) {
    if (token == null || token.length() != LENGTH || !token.startsWith(PREFIX)) {
      return false;
    }
    for (int i = PREFIX.length(); i < token.length(); i++) {
      char c = token.charAt(i);
      boolean ok =
          (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '_';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  public static byte[] hash(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
