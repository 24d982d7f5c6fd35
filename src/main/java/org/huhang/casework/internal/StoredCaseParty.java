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

  @Override
  public String toString() {
    return "StoredCaseParty[***]";
  }
}
