package org.huhang.registration.internal;

import java.time.LocalDate;
import org.huhang.shared.person.Gender;

/**
 * A party as stored: the identity number and phone sealed, with their masked forms to show and
 * their keyed hashes to find them by.
 */
record StoredParty(
    String name,
    Gender gender,
    LocalDate birthDate,
    byte[] idCipher,
    String idMasked,
    byte[] phoneCipher,
    String phoneMasked,
    byte[] idHash,
    byte[] phoneHash) {

  @Override
  public String toString() {
    return "StoredParty[***]";
  }
}
