package org.huhang.registration;

import java.time.LocalDate;
import org.huhang.shared.person.Gender;

/** A party as pages and the API show it: identity number and phone masked. */
public record PartyView(
    String name, Gender gender, LocalDate birthDate, String idNumberMasked, String phoneMasked) {}
