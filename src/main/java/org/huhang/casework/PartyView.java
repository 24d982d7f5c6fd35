package org.huhang.casework;

import java.time.LocalDate;
import org.huhang.shared.person.Gender;

/** A spouse of a case as shown: numbers masked; the party's own screening result. */
public record PartyView(
    PartyRole role,
    String name,
    Gender gender,
    LocalDate birthDate,
    String idNumberMasked,
    String phoneMasked,
    Risk risk) {}
