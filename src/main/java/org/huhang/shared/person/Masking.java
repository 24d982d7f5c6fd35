package org.huhang.shared.person;

/** How identity numbers and phones are shown to those who may not see them whole. */
public final class Masking {

  private Masking() {}

  /** First 6 and last 4 characters: {@code 371602********123X}. */
  public static String idNumber(String id) {
    if (id == null || id.length() < 10) {
      return "****";
    }
    return id.substring(0, 6) + "*".repeat(id.length() - 10) + id.substring(id.length() - 4);
  }

  /** A mobile keeps its first 3 and last 4 digits; a landline its area code and last 2. */
  public static String phone(String phone) {
    if (phone == null || phone.length() < 7) {
      return "****";
    }
    int hyphen = phone.indexOf('-');
    if (hyphen > 0) {
      String number = phone.substring(hyphen + 1);
      return phone.substring(0, hyphen + 1)
          + "*".repeat(number.length() - 2)
          + number.substring(number.length() - 2);
    }
    return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
  }
}
