package org.huhang.casework.internal;

import java.time.LocalDate;
import org.huhang.shared.person.Gender;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A spouse of a case as stored: identity number and phone sealed, with masked forms to show and
 * keyed hashes to find a person's cases by. Keyed by its role (A, B) in the case.
 */
@Table(schema = "casework", name = "case_party")
record StoredCaseParty(
    String name,
    Gender gender,
    LocalDate birthDate,
    byte[] idNumberCipher,
    byte[] idNumberHash,
    String idNumberMasked,
    byte[] phoneCipher,
    byte[] phoneHash,
    String phoneMasked) {

  StoredCaseParty withName(String corrected) {
    return new StoredCaseParty(
        corrected,
        gender,
        birthDate,
        idNumberCipher,
        idNumberHash,
        idNumberMasked,
        phoneCipher,
        phoneHash,
        phoneMasked);
  }

  StoredCaseParty withGender(Gender corrected) {
    return new StoredCaseParty(
        name,
        corrected,
        birthDate,
        idNumberCipher,
        idNumberHash,
        idNumberMasked,
        phoneCipher,
        phoneHash,
        phoneMasked);
  }

  StoredCaseParty withBirthDate(LocalDate corrected) {
    return new StoredCaseParty(
        name,
        gender,
        corrected,
        idNumberCipher,
        idNumberHash,
        idNumberMasked,
        phoneCipher,
        phoneHash,
        phoneMasked);
  }

  /** The phone sealed, its keyed hash to find it by and its masked form. */
  StoredCaseParty withPhone(byte[] cipher, byte[] hash, String masked) {
    return new StoredCaseParty(
        name,
        gender,
        birthDate,
        idNumberCipher,
        idNumberHash,
        idNumberMasked,
        cipher,
        hash,
        masked);
  }

  @Override
  public String toString() {
    return "StoredCaseParty[***]";
  }
}
