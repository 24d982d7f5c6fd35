package org.huhang.shared.person;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A resident identity number (GB 11643-1999): a 6-digit region code whose first two digits name a
 * province, an 8-digit birth date, a 3-digit sequence (odd for men) and an ISO 7064 MOD 11-2 check
 * character. The one implementation every form, import and API uses.
 */
public record ResidentIdNumber(String value, LocalDate birthDate, Gender gender) {

  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

  /** Province-level codes of GB/T 2260 (including Taiwan, Hong Kong and Macao). */
  private static final Set<String> PROVINCES =
      Set.of(
          "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
          "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64",
          "65", "71", "81", "82");

  /** Why a number is refused; each has a message key {@code idNumber.<name>}. */
  public enum Problem {
    REQUIRED,
    LENGTH,
    FORMAT,
    PROVINCE,
    BIRTH_DATE,
    FUTURE_BIRTH_DATE,
    CHECK_DIGIT;

    public String messageKey() {
      return "idNumber." + name();
    }
  }

  /** A number that failed the rules, with the first rule it broke. */
  public static final class Invalid extends Exception {
    private final Problem problem;

    Invalid(Problem problem) {
      super(problem.name(), null, false, false);
      this.problem = problem;
    }

    public Problem problem() {
      return problem;
    }
  }

  /** Parses a number as typed: spaces around it are ignored, a lower-case x is accepted. */
  public static ResidentIdNumber parse(String input, LocalDate today) throws Invalid {
    if (input == null || input.isBlank()) {
      throw new Invalid(Problem.REQUIRED);
    }
    String s = input.strip().toUpperCase(Locale.ROOT);
    if (s.length() != 18) {
      throw new Invalid(Problem.LENGTH);
    }
    for (int i = 0; i < 17; i++) {
      if (!isDigit(s.charAt(i))) {
        throw new Invalid(Problem.FORMAT);
      }
    }
    char last = s.charAt(17);
    if (!isDigit(last) && last != 'X') {
      throw new Invalid(Problem.FORMAT);
    }
    if (!PROVINCES.contains(s.substring(0, 2))) {
      throw new Invalid(Problem.PROVINCE);
    }
    LocalDate birth;
    try {
      birth =
          LocalDate.of(
              Integer.parseInt(s.substring(6, 10)),
              Integer.parseInt(s.substring(10, 12)),
              Integer.parseInt(s.substring(12, 14)));
    } catch (DateTimeException e) {
      throw new Invalid(Problem.BIRTH_DATE);
    }
    if (birth.getYear() < 1900) {
      throw new Invalid(Problem.BIRTH_DATE);
    }
    if (birth.isAfter(today)) {
      throw new Invalid(Problem.FUTURE_BIRTH_DATE);
    }
    if (checkCharacter(s) != last) {
      throw new Invalid(Problem.CHECK_DIGIT);
    }
    Gender gender = (s.charAt(16) - '0') % 2 == 1 ? Gender.MALE : Gender.FEMALE;
    return new ResidentIdNumber(s, birth, gender);
  }

  public static Optional<Problem> check(String input, LocalDate today) {
    try {
      parse(input, today);
      return Optional.empty();
    } catch (Invalid e) {
      return Optional.of(e.problem());
    }
  }

  /** The check character for the first 17 digits. */
  public static char checkCharacter(String first17) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * WEIGHTS[i];
    }
    return CHECK[sum % 11];
  }

  /** First 6 and last 4 characters: {@code 371602********123X}. */
  public String masked() {
    return Masking.idNumber(value);
  }

  @Override
  public String toString() {
    return masked();
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
