package org.huhang.shared.person;

import java.util.Optional;

/**
 * A mainland mobile number (11 digits starting 13 to 19) or a landline with its area code ({@code
 * 0543-3161234}, {@code 05433161234}). Stored in a normal form: digits, with a hyphen after the
 * area code of a landline.
 */
public record PhoneNumber(String value, boolean mobile) {

  public enum Problem {
    REQUIRED,
    FORMAT;

    public String messageKey() {
      return "phone." + name();
    }
  }

  public static Optional<PhoneNumber> parse(String input) {
    if (input == null) {
      return Optional.empty();
    }
    // Full-width digits and signs (１３９…, ＋８６) as an IME types them: the same number.
    String s =
        java.text.Normalizer.normalize(input, java.text.Normalizer.Form.NFKC)
            .strip()
            .replace(" ", "")
            .replace("（", "(")
            .replace("）", ")");
    if (s.startsWith("+86")) {
      s = s.substring(3);
    }
    if (s.matches("1[3-9]\\d{9}")) {
      return Optional.of(new PhoneNumber(s, true));
    }
    // Landline: area code 010, 02x or 0 + 3 digits, then a 7- or 8-digit number not starting with 0
    // or 1.
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(
                "\\(?(0(?:10|2\\d|[3-9]\\d{2}))\\)?-?([2-9]\\d{6,7})(?:-\\d{1,5})?")
            .matcher(s);
    if (m.matches()) {
      return Optional.of(new PhoneNumber(m.group(1) + "-" + m.group(2), false));
    }
    return Optional.empty();
  }

  public static Optional<Problem> check(String input, boolean required) {
    if (input == null || input.isBlank()) {
      return required ? Optional.of(Problem.REQUIRED) : Optional.empty();
    }
    return parse(input).isPresent() ? Optional.empty() : Optional.of(Problem.FORMAT);
  }

  public String masked() {
    return Masking.phone(value);
  }

  @Override
  public String toString() {
    return masked();
  }
}
