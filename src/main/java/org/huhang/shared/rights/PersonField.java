package org.huhang.shared.rights;

import java.util.Optional;

/**
 * A detail of a person that a record may let an administrator correct on the person's request (PIPL
 * art. 46). The identity number is none of them: it is what a person's records are found and
 * checked by, and where it is wrong the office that registered it corrects it from the document.
 * Its words: {@code person.<code>} in the shared bundle.
 */
public enum PersonField {
  NAME("name"),
  PHONE("phone"),
  GENDER("gender"),
  BIRTH_DATE("birthDate");

  private final String code;

  PersonField(String code) {
    this.code = code;
  }

  /** The field as forms, problems and audit actions name it. */
  public String code() {
    return code;
  }

  /** The field a form names, if it names one. */
  public static Optional<PersonField> of(String code) {
    for (PersonField f : values()) {
      if (f.code.equals(code)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
