package org.huhang.registration.internal;

import java.time.LocalDate;
import org.huhang.shared.person.Gender;

/** A party as stored: the identity number and phone sealed, with their masked forms to show. */
record StoredParty(
    String name,
    Gender gender,
    LocalDate birthDate,
    byte[] idCipher,
    String idMasked,
    byte[] phoneCipher,
    String phoneMasked) {

  @Override
  public String toString() {
    return "StoredParty[***]";
  }
}
