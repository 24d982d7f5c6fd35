package org.huhang.identity.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.huhang.shared.DomainException.FieldProblem;

/**
 * A password has at least 10 characters, is not the username (nor contains it), fits the 72 bytes
 * that BCrypt reads (a longer one would be silently cut), is not on the shipped list of common
 * passwords ({@code identity/common-passwords.txt}, also not as a listed word followed by digits or
 * symbols, like {@code password12}) and is not a trivial pattern: one repeated character or group
 * ({@code aaaaaaaaaa}, {@code 1212121212}), a run up or down the alphabet or the digits ({@code
 * 1234567890}, {@code abcdefghij}), or fewer than four different characters.
 */
public final class PasswordPolicy {

  public static final int MIN_LENGTH = 10;
  public static final int MAX_BYTES = 72;
  static final int MIN_DISTINCT = 4;

  private static final Set<String> COMMON = load();

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
    if (isCommon(password)) {
      return problem(field, "password.common");
    }
    if (isLocalWordWithDigits(password)) {
      return problem(field, "password.local");
    }
    if (isTrivialPattern(password)) {
      return problem(field, "password.pattern");
    }
    return Optional.empty();
  }

  /** On the list as it is, or a listed word (4+ characters) with only digits or symbols added. */
  static boolean isCommon(String password) {
    String p = password.toLowerCase(Locale.ROOT);
    if (COMMON.contains(p)) {
      return true;
    }
    String core = p.replaceFirst("^[^\\p{L}]+", "").replaceFirst("[^\\p{L}]+$", "");
    return core.length() >= 4 && !core.equals(p) && COMMON.contains(core);
  }

  /**
   * Words an attacker of this system tries first: its own name and the city's, the federation's.
   * Such a word with only digits or symbols around it (Huhang@2024) is refused like a common one.
   */
  static final Set<String> LOCAL_WORDS =
      Set.of("huhang", "xingfuhuhang", "幸福护航", "护航", "binzhou", "滨州", "fulian", "妇联", "fuliang");

  static boolean isLocalWordWithDigits(String password) {
    String letters = password.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}]", "");
    return LOCAL_WORDS.contains(letters);
  }

  static boolean isTrivialPattern(String password) {
    int[] cps = password.toLowerCase(Locale.ROOT).codePoints().toArray();
    if (java.util.Arrays.stream(cps).distinct().count() < MIN_DISTINCT) {
      return true;
    }
    return isRepeatedGroup(cps) || isRun(cps);
  }

  /** The whole password is one group of up to half its length, repeated (a cut last copy too). */
  private static boolean isRepeatedGroup(int[] cps) {
    for (int unit = 1; unit <= cps.length / 2; unit++) {
      boolean repeats = true;
      for (int i = unit; i < cps.length && repeats; i++) {
        repeats = cps[i] == cps[i - unit];
      }
      if (repeats) {
        return true;
      }
    }
    return false;
  }

  /** Each character one after (or one before) the previous: 1234567890, abcdefghij, 9876543210. */
  private static boolean isRun(int[] cps) {
    int up = 0;
    int down = 0;
    for (int i = 1; i < cps.length; i++) {
      int step = cps[i] - cps[i - 1];
      boolean digitWrap = cps[i - 1] == '9' && cps[i] == '0';
      boolean digitWrapDown = cps[i - 1] == '0' && cps[i] == '9';
      if (step == 1 || digitWrap) {
        up++;
      }
      if (step == -1 || digitWrapDown) {
        down++;
      }
    }
    return up == cps.length - 1 || down == cps.length - 1;
  }

  private static Set<String> load() {
    Set<String> words = new HashSet<>();
    try (InputStream in =
            PasswordPolicy.class.getResourceAsStream("/identity/common-passwords.txt");
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        String word = line.strip();
        if (!word.isEmpty() && !word.startsWith("#")) {
          words.add(word.toLowerCase(Locale.ROOT));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Set.copyOf(words);
  }

  private static Optional<FieldProblem> problem(String field, String key, Object... args) {
    return Optional.of(new FieldProblem(field, key, args));
  }
}
